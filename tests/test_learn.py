"""The fitted matcher: labelled pairs, the logistic fit, leave-one-set-out evaluation, shipped weights."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from claimcheck import learn, match
from claimcheck.settings import Matcher
from tests.conftest import FIXTURES, ROOT, run_cli, session_cache


def test_labelled_pairs_have_both_labels_and_one_row_per_pair() -> None:
    pairs = learn.labelled_pairs(FIXTURES / "trial")
    assert pairs.features.shape == (len(pairs.same_fact), len(match.FEATURES))
    assert 0 < pairs.same_fact.sum() < len(pairs.same_fact)
    assert set(np.unique(pairs.weight)) <= {learn.UNLISTED_WEIGHT, 1.0}


def test_the_fit_learns_which_feature_tells_one_fact() -> None:
    rng = np.random.default_rng(7)
    width = len(match.FEATURES)
    x = rng.random((400, width))
    y = (x[:, 0] > 0.5).astype(float)  # one fact exactly when the clauses are alike
    pairs = learn.LabelledPairs("synthetic", x, y, np.ones(400), rng.random(400) > 0.5)
    matcher = learn.fit([pairs])
    for weights in (matcher.agree, matcher.differ):
        assert weights[1] == max(weights[1:]) and weights[1] > 2
    alike, unlike = np.full(width, 0.5), np.full(width, 0.5)
    alike[0], unlike[0] = 0.95, 0.05
    assert matcher.probability(alike.tolist(), agree=True) > matcher.agree_threshold
    assert matcher.probability(unlike.tolist(), agree=True) < matcher.agree_threshold
    # both cuts are set, not read from the training pairs (their F1 is flat near the top)
    assert (matcher.agree_threshold, matcher.differ_threshold) == (learn.AGREE_CUT, learn.DIFFER_CUT)


def test_matcher_round_trips_through_json() -> None:
    shipped = match.shipped_matcher()
    assert Matcher.from_dict(json.loads(json.dumps(shipped.to_dict()))) == shipped


def test_shipped_weights_are_a_refit_of_the_labelled_sets() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fit_matcher.py"), "--check", "--cache", session_cache()],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_eval_cross_validate_scores_each_set_with_the_others_weights() -> None:
    out = run_cli(["eval", "--cross-validate", str(FIXTURES / "trial"), str(FIXTURES / "quake")]).stdout
    assert "| trial |" in out and "| quake |" in out and "**total invented** (2 sets)" in out


def test_eval_figures_do_not_depend_on_the_workers() -> None:
    sets = [str(FIXTURES / "trial"), str(FIXTURES / "quake"), str(FIXTURES / "strike")]
    for command in (["eval", "--json"], ["eval", "--json", "--cross-validate"]):
        one, two = (run_cli([*command, "--workers", n, *sets]).stdout for n in ("1", "2"))
        assert one == two and '"set": "strike"' in two
