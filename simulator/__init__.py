"""What-if simulator of Indonesia's footwear small and medium industry (IKM alas kaki).

Pure Python and numpy: no Streamlit here. ``simulate`` runs one or many scenarios,
``load_parameters`` reads the sourced parameter table, ``Scenario`` names a set of values.
"""

from simulator.model import REGIONS, Result, simulate
from simulator.outputs import OUTPUTS
from simulator.params import Parameter, ParameterFileError, ParameterTable, load_parameters
from simulator.presets import Preset, load_presets
from simulator.scenario import Scenario, ScenarioError

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
