"""Moving a policy instrument in an AppTest session.

AppTest cannot drive a custom component, and the instruments' live levers are one (the
browser tests drag them: tests/test_browser_live.py). Their value lives in session state
under the parameter's name, as a slider's did, so a test puts it there and reruns, which is
what the page sees after a lever's release (the exact-value box and the preset box follow
the release in the browser; here a test that needs them uses the typed value instead).
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def move_lever(at: AppTest, name: str, value: float) -> None:
    """Put ``value`` into the instrument ``name``, for the next ``at.run()``."""
    at.session_state[name] = float(value)
