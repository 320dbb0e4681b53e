"""The files a meeting takes away, one module per trade (no Streamlit here):

* :mod:`~simulator.files.briefing`: what the files say about a scenario (its name and
  settings, effect ranges, what the money buys, flags, caveats, sources, main assumptions);
* :mod:`~simulator.files.tables`: the yearly results as CSV and Excel, the compare CSV, file
  names;
* :mod:`~simulator.files.images`: chart images (PNG, SVG) and charts scaled for print;
* :mod:`~simulator.files.pdf`: the two-page PDF briefing's typesetter;
* :mod:`~simulator.files.builders`: the downloads as top-level functions a worker process
  runs (simulator/builds.py).

The package itself imports nothing, so reading one trade does not load the others.
"""
