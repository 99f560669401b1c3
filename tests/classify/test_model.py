"""The linear model: learns, is deterministic from its seed, survives a save."""

import numpy as np
import pytest

from eventwire.classify.model import LinearModel, fit
from eventwire.errors import EventwireError

EXAMPLES = [["w:shell", "w:village"], ["w:shell", "w:town"], ["w:protest", "w:square"], ["w:protest", "w:town"],
            ["w:shell", "w:front"], ["w:protest", "w:front"]] * 5  # fmt: skip
LABELS = ["shelling", "shelling", "protest", "protest", "shelling", "protest"] * 5


def test_learns_the_word_that_decides_the_label():
    model = fit(EXAMPLES, LABELS, seed=1, epochs=20, min_count=1)
    assert model.labels[int(np.argmax(model.proba(["w:shell", "w:square"])))] == "shelling"
    assert model.labels[int(np.argmax(model.proba(["w:protest", "w:village"])))] == "protest"
    assert model.proba(["w:unseen"]).sum() == pytest.approx(1.0)


def test_same_data_and_seed_give_the_same_weights():
    a = fit(EXAMPLES, LABELS, seed=7, epochs=5, min_count=1)
    b = fit(EXAMPLES, LABELS, seed=7, epochs=5, min_count=1)
    assert np.array_equal(a.weights, b.weights) and a.vocab == b.vocab


def test_rare_features_are_left_out():
    model = fit(EXAMPLES + [["w:once"]], LABELS + ["protest"], seed=0, epochs=1, min_count=2)
    assert "w:once" not in model.vocab and "w:shell" in model.vocab


def test_save_and_load_keep_the_predictions(tmp_path):
    model = fit(EXAMPLES, LABELS, seed=0, epochs=10, min_count=1)
    model.save(tmp_path / "m.npz")
    loaded = LinearModel.load(tmp_path / "m.npz")
    assert loaded.labels == model.labels
    assert np.allclose(loaded.proba(["w:shell"]), model.proba(["w:shell"]), atol=1e-2)  # weights kept as float16


def test_a_damaged_model_file_is_an_error_that_says_how_to_rebuild(tmp_path):
    bad = tmp_path / "typer.npz"
    bad.write_bytes(b"not a model")
    with pytest.raises(EventwireError, match="eventwire train"):
        LinearModel.load(bad)


def test_training_without_examples_is_refused():
    with pytest.raises(EventwireError):
        fit([], [])


def test_averaged_runs_are_one_model_the_mean_of_runs_from_spread_seeds():
    from eventwire.classify.model import fit_averaged

    runs = [fit(EXAMPLES, LABELS, seed=3 + 1000 * k, epochs=3, min_count=1) for k in range(3)]
    avg = fit_averaged(EXAMPLES, LABELS, runs=3, seed=3, epochs=3, min_count=1)
    assert avg.vocab == runs[0].vocab and avg.labels == runs[0].labels
    assert np.allclose(avg.weights, np.mean([r.weights for r in runs], axis=0))
    assert not np.allclose(runs[0].weights, runs[1].weights)  # the seeds do differ
    again = fit_averaged(EXAMPLES, LABELS, runs=3, seed=3, epochs=3, min_count=1)
    assert np.array_equal(avg.weights, again.weights)


def _noisy_examples(n: int = 600, n_feat: int = 40) -> tuple[list[list[str]], list[str]]:
    """Invented data: six features of forty to an example, the label a noisy sum of their weights."""
    rng = np.random.default_rng(0)
    true = rng.normal(size=n_feat)
    examples, labels = [], []
    for _ in range(n):
        feats = rng.choice(n_feat, size=6, replace=False)
        examples.append([f"w:{j}" for j in feats])
        labels.append("event" if true[feats].sum() + rng.normal() > 0 else "none")
    return examples, labels


def test_an_annealed_step_size_leaves_the_model_far_less_dependent_on_the_seed():
    # the instability measure of bench/classifier_stability.py in small: two seeds, how far apart
    # the probabilities end (annealed: the step falls to nothing, the model ends near the one minimum)
    examples, labels = _noisy_examples()

    def spread(anneal: bool) -> np.ndarray:
        a, b = (fit(examples, labels, seed=s, epochs=12, min_count=1, anneal=anneal) for s in (1, 2))
        return np.array([abs(a.proba(e)[0] - b.proba(e)[0]) for e in examples])

    constant, annealed = spread(False), spread(True)
    assert annealed.mean() < 0.5 * constant.mean()
    assert annealed.max() < 0.1


def test_runs_fitted_in_forked_workers_give_the_model_one_process_gives():
    from eventwire.classify.model import fit_averaged

    forked = fit_averaged(EXAMPLES, LABELS, runs=3, seed=5, epochs=3, min_count=1, workers=2)
    serial = fit_averaged(EXAMPLES, LABELS, runs=3, seed=5, epochs=3, min_count=1, workers=1)
    assert np.array_equal(forked.weights, serial.weights) and forked.vocab == serial.vocab


@pytest.mark.parametrize("n_labels", [2, 24])  # the detector's way (a bincount per label) and the typer's (a sort)
def test_feature_sums_are_what_adding_each_example_in_turn_gives(n_labels):
    from eventwire.classify.model import _add_feature_sums

    rng = np.random.default_rng(0)
    feats = rng.integers(0, 50, size=300)  # repeats, as features shared by a batch's examples are
    values = rng.normal(size=(300, n_labels)).astype(np.float32)
    expected = np.ones((50, n_labels), dtype=np.float32)
    np.add.at(expected, feats, values)
    got = np.ones((50, n_labels), dtype=np.float32)
    _add_feature_sums(got, feats, values)
    assert np.allclose(got, expected, atol=1e-5)
    _add_feature_sums(got, feats[:0], values[:0])  # an empty batch adds nothing
    assert np.allclose(got, expected, atol=1e-5)
