"""What-if simulator of Indonesia's footwear small and medium industry (IKM alas kaki).

Pure Python and numpy: no Streamlit here. ``simulate`` runs one or many scenarios,
``load_parameters`` reads the sourced parameter table, ``Scenario`` names a set of values.
"""

import sys

from simulator.datafile import DataFileError

try:  # the words, units, outputs and regions tables are read as the package loads
    from simulator.model import REGIONS, Result, simulate
    from simulator.outputs import OUTPUTS
    from simulator.params import Parameter, ParameterFileError, ParameterTable, load_parameters
    from simulator.presets import Preset, load_presets
    from simulator.scenario import Scenario, ScenarioError
except DataFileError as _error:
    # `python -m simulator` loads the package before its __main__ (argv[0] is "-m" while
    # the module is being located): one line and status 1, as the command line's own.
    if sys.argv[:1] == ["-m"]:
        sys.stderr.write(f"error: {_error}\n")
        raise SystemExit(1) from None
    raise

__all__ = [
    "OUTPUTS",
    "REGIONS",
    "Parameter",
    "ParameterFileError",
    "ParameterTable",
    "Preset",
    "Result",
    "Scenario",
    "ScenarioError",
    "load_parameters",
    "load_presets",
    "simulate",
]
