"""Moving a policy instrument in an AppTest session.

AppTest cannot drive a custom component, and the instruments' live levers are one (the
browser tests drag them: tests/test_browser_live.py). Their value lives in session state
under the parameter's name, as a slider's did, so a test puts it there and reruns, which is
what the page sees after a lever's release (the exact-value box and the preset box follow
the release in the browser; here a test that needs them uses the typed value instead).
"""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest


def move_lever(at: AppTest, name: str, value: float) -> None:
    """Put ``value`` into the instrument ``name``, for the next ``at.run()``."""
    at.session_state[name] = float(value)


APP = str(Path(__file__).resolve().parent.parent / "app.py")


def app_test(timeout: float = 60) -> AppTest:
    """An AppTest of the page whose every run leaves the whole page in its tree.

    A callback whose change reaches beyond its widget's fragment reruns the fragments it
    reaches by key (``ui.state.rerun_parts``: choosing a preset, typed values, undo); the
    browser keeps the rest of the page from the last whole run, but AppTest's tree then holds
    only those fragments' elements. After such a run this runs the page once more with no
    change, so a test finds every element as the browser shows it (a test of what a keyed
    rerun redraws needs the browser: tests/test_browser_*.py)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    run = at._run  # what AppTest.run and every element's .run() call

    def whole(widget_state=None, timeout=None):
        done = run(widget_state, timeout=timeout)
        if not at.exception and not any(w.key == "lang" for w in at.segmented_control):
            # no language switch in the tree: a keyed run
            done = run(None, timeout=timeout)
        return done

    at._run = whole
    return at
