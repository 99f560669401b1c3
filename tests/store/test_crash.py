"""A killed ingest resumes with nothing lost and nothing doubled."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from eventwire.cli import SAMPLE_ARTICLES, sample_path


def ingest_cmd(url):
    return [sys.executable, "-m", "eventwire.cli", "ingest", str(sample_path(SAMPLE_ARTICLES)), "--db", url, "--quiet"]


@pytest.fixture(scope="module")
def clean_ingest(tmp_path_factory, snapshot):
    """What one uninterrupted ingest of the samples stores; both back ends' runs are held to it."""
    clean_url = f"sqlite:///{tmp_path_factory.mktemp('clean')}/clean.sqlite"
    subprocess.run(ingest_cmd(clean_url), check=True, capture_output=True, timeout=300)
    return snapshot(clean_url)


def test_kill_nine_in_a_loop_then_resume_equals_one_clean_ingest(store_url, snapshot, clean_ingest):
    rng = random.Random(7)
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen(ingest_cmd(store_url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(2.5, 6.0))  # the model loads in about 2 s, then articles are written
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    assert kills >= 1, "the ingest finished before it could be killed; the test proves nothing"
    subprocess.run(ingest_cmd(store_url), check=True, capture_output=True, timeout=300)
    assert snapshot(store_url) == clean_ingest
