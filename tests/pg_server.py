"""A throwaway PostgreSQL + PostGIS server for the test suite.

Not part of the eventwire package: the tests start one server for the whole
session (see the ``postgres_url`` fixture in conftest.py) on a free loopback
port, in a temporary data directory, with durability switched off, and throw
it away at the end.

    server = PostgresServer()
    server.start()
    server.url        # postgresql+psycopg://eventwire@127.0.0.1:PORT/eventwire
    server.new_database()   # a fresh PostGIS-enabled database, its URL
    server.stop()

``available()`` says whether this machine can run one (PostgreSQL binaries,
the PostGIS extension, psycopg) and, if not, why; ``tools/ensure_postgres.sh``
installs what is missing on Debian.

When the tests run as root (as CI does), initdb and postgres refuse to run:
they are run as the ``postgres`` system user (which the Debian package
creates), or as an ``eventwire-test`` system user created for the purpose,
which owns the temporary directory.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

DB_USER = "eventwire"
DB_NAME = "eventwire"
TEMPLATE_DB = "eventwire_template"
FALLBACK_OS_USER = "eventwire-test"
START_TIMEOUT = 60  # seconds, for pg_ctl -w

SERVER_OPTIONS = "-F -c fsync=off -c synchronous_commit=off -c full_page_writes=off"


def _version_key(path: str) -> tuple:
    # /usr/lib/postgresql/15/bin -> (15,); newest first when sorted in reverse
    name = Path(path).parent.name
    return tuple(int(p) for p in re.findall(r"\d+", name)) or (0,)


def find_bin_dir() -> Path | None:
    """The directory holding initdb and pg_ctl, newest Debian version first, then PATH.

    EVENTWIRE_PG_BINDIR overrides the search.
    """
    override = os.environ.get("EVENTWIRE_PG_BINDIR")
    if override:
        d = Path(override)
        return d if all(os.access(d / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")) else None
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version_key, reverse=True)
    pg_ctl = shutil.which("pg_ctl")
    if pg_ctl:
        candidates.append(str(Path(pg_ctl).resolve().parent))
    for cand in candidates:
        d = Path(cand)
        if all(os.access(d / tool, os.X_OK) for tool in ("initdb", "pg_ctl", "postgres")):
            return d
    return None


def _share_dir(bin_dir: Path) -> Path | None:
    pg_config = bin_dir / "pg_config"
    if os.access(pg_config, os.X_OK):
        try:
            out = subprocess.run([str(pg_config), "--sharedir"], capture_output=True, text=True, timeout=10)
            if out.returncode == 0 and out.stdout.strip():
                return Path(out.stdout.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    # Debian layout: /usr/lib/postgresql/15/bin -> /usr/share/postgresql/15
    if bin_dir.parent.parent == Path("/usr/lib/postgresql"):
        return Path("/usr/share/postgresql") / bin_dir.parent.name
    return None


def available() -> tuple[bool, str]:
    """(True, "") when a PostgreSQL + PostGIS server can be started here, else (False, reason)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return False, (
            "PostgreSQL server binaries (initdb, pg_ctl) not found in /usr/lib/postgresql/*/bin or PATH; "
            "run `bash tools/ensure_postgres.sh` as root (apt-get install postgresql postgresql-15-postgis-3)"
        )
    share = _share_dir(bin_dir)
    if share is None or not (share / "extension" / "postgis.control").is_file():
        return False, (
            f"PostGIS extension not installed for the PostgreSQL in {bin_dir} "
            f"(no {share or '<sharedir>'}/extension/postgis.control); "
            "run `bash tools/ensure_postgres.sh` as root (apt-get install postgresql-15-postgis-3)"
        )
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return False, "psycopg not installed (make extras, or pip install -r requirements-extras.lock)"
    if os.geteuid() == 0 and not (shutil.which("runuser") or shutil.which("su")):
        return False, "running as root and neither runuser nor su is available to drop privileges for postgres"
    return True, ""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _clean_env() -> dict[str, str]:
    # PGDATA, PGPORT, PGHOST... from the caller's environment must not steer our server.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env["LC_ALL"] = "C.UTF-8" if os.path.isdir("/usr/lib/locale/C.utf8") else "C"
    return env


class PostgresServer:
    """One throwaway PostgreSQL server on 127.0.0.1, with a PostGIS-enabled database."""

    def __init__(self, bin_dir: Path | None = None):
        self.bin_dir = Path(bin_dir) if bin_dir else find_bin_dir()
        self.base_dir: Path | None = None
        self.port: int | None = None
        self.os_user: str | None = None
        self.start_seconds: float | None = None
        self.stop_seconds: float | None = None
        self._running = False

    # -- paths and URLs -----------------------------------------------------
    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "log"

    def url_for(self, dbname: str) -> str:
        """SQLAlchemy URL (psycopg 3 driver) for a database on this server."""
        return f"postgresql+psycopg://{DB_USER}@127.0.0.1:{self.port}/{dbname}"

    def dsn_for(self, dbname: str) -> str:
        """libpq URL for psycopg.connect()."""
        return f"postgresql://{DB_USER}@127.0.0.1:{self.port}/{dbname}"

    @property
    def url(self) -> str:
        return self.url_for(DB_NAME)

    @property
    def dsn(self) -> str:
        return self.dsn_for(DB_NAME)

    # -- running commands as an unprivileged user ---------------------------
    def _pick_os_user(self) -> str | None:
        if os.geteuid() != 0:
            return None
        for name in ("postgres", FALLBACK_OS_USER):
            try:
                pwd.getpwnam(name)
                return name
            except KeyError:
                continue
        subprocess.run(
            ["useradd", "-r", "-M", "-d", "/nonexistent", "-s", "/usr/sbin/nologin", FALLBACK_OS_USER],
            check=True, capture_output=True,
        )
        return FALLBACK_OS_USER

    def _cmd(self, argv: list[str]) -> list[str]:
        if self.os_user is None:
            return argv
        if shutil.which("runuser"):
            return ["runuser", "-u", self.os_user, "--", *argv]
        return ["su", self.os_user, "-s", "/bin/sh", "-c", shlex.join(argv)]

    def _run(self, argv: list[str], timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(
            self._cmd(argv), cwd=self.base_dir, env=_clean_env(),
            capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL,
        )

    def _tool(self, name: str) -> str:
        return str(self.bin_dir / name)

    # -- lifecycle ------------------------------------------------------------
    def start(self) -> "PostgresServer":
        if self._running:
            return self
        ok, reason = available()
        if not ok:
            raise RuntimeError(f"cannot start PostgreSQL: {reason}")
        if self.bin_dir is None:
            self.bin_dir = find_bin_dir()
        t0 = time.monotonic()
        self.os_user = self._pick_os_user()
        tmp_root = tempfile.gettempdir()
        if self.os_user is not None and not (os.stat(tmp_root).st_mode & 0o001):
            tmp_root = "/tmp"  # the unprivileged user must be able to reach the dir
        self.base_dir = Path(tempfile.mkdtemp(prefix="eventwire-pg-", dir=tmp_root))
        atexit.register(self.stop)
        try:
            if self.os_user is not None:
                pw = pwd.getpwnam(self.os_user)
                os.chown(self.base_dir, pw.pw_uid, pw.pw_gid)
            os.chmod(self.base_dir, 0o700)
            res = self._run([self._tool("initdb"), "-D", str(self.data_dir), "-A", "trust", "-U", DB_USER,
                             "--no-sync", "-E", "UTF8", "--locale=C"])
            if res.returncode != 0:
                raise RuntimeError(f"initdb failed ({res.returncode}):\n{res.stdout}\n{res.stderr}")
            self._start_server()
            self._create_databases()
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - t0
        return self

    def _start_server(self) -> None:
        last = ""
        for _attempt in range(5):  # the free port may be taken between picking and binding it
            self.port = _free_port()
            opts = f"-h 127.0.0.1 -p {self.port} -k {self.base_dir} {SERVER_OPTIONS}"
            res = self._run([self._tool("pg_ctl"), "-w", "-t", str(START_TIMEOUT), "-D", str(self.data_dir),
                             "-o", opts, "-l", str(self.log_file), "start"], timeout=START_TIMEOUT + 30)
            if res.returncode == 0:
                self._running = True
                return
            log = self.log_file.read_text(errors="replace") if self.log_file.exists() else ""
            last = f"pg_ctl start failed ({res.returncode}):\n{res.stdout}\n{res.stderr}\n--- server log ---\n{log}"
            # make sure nothing half-started is left before retrying
            self._run([self._tool("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"])
            if "could not bind" not in log and "already in use" not in log:
                break
        raise RuntimeError(last)

    def _create_databases(self) -> None:
        import psycopg

        with psycopg.connect(self.dsn_for("postgres"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{TEMPLATE_DB}"')
        with psycopg.connect(self.dsn_for(TEMPLATE_DB), autocommit=True, connect_timeout=10) as conn:
            conn.execute("CREATE EXTENSION postgis")
        self.new_database(DB_NAME)

    def new_database(self, name: str | None = None) -> str:
        """Create a fresh database with PostGIS enabled (copied from a template) and return its SQLAlchemy URL."""
        import psycopg

        if not self._running:
            raise RuntimeError("server not started")
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"bad database name: {name!r}")
        with psycopg.connect(self.dsn_for("postgres"), autocommit=True, connect_timeout=10) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
        return self.url_for(name)

    def stop(self) -> None:
        """Stop the server (immediate mode) and remove its directory. Safe to call more than once."""
        t0 = time.monotonic()
        if self.base_dir is not None and self.data_dir.exists():
            if self._running or (self.data_dir / "postmaster.pid").exists():
                try:
                    self._run([self._tool("pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop"],
                              timeout=60)
                except (OSError, subprocess.SubprocessError):
                    pass
        self._running = False
        if self.base_dir is not None:
            shutil.rmtree(self.base_dir, ignore_errors=True)
            self.base_dir = None
            self.stop_seconds = time.monotonic() - t0
        try:
            atexit.unregister(self.stop)
        except Exception:
            pass

    def __enter__(self) -> "PostgresServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
