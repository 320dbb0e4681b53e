"""The page's Streamlit side, split by place on the page (``app.py`` is the table of contents).

``state`` holds the session keys, accessors and callbacks; ``runs`` the cached model runs;
``sidebar``, ``toolbar`` and ``views`` draw their places; ``widgets`` the bits they share.
Everything that is not Streamlit lives in ``simulator/``.
"""
