"""Lever sweeps: every number the browser view shows at each point of a policy lever's grid.

While a lever is dragged, the page's view (ui/components/view.js) moves from one grid point to
the next without asking the server: it holds, for each policy lever, the outputs it draws at
every point of that lever's grid with all other values fixed, from one batched model call
(the four levers' grids together are about 650 scenarios; the model runs them in one call
in ~15 ms). A sweep depends only on the other values and the grid, so it is cached by those:
moving a lever leaves its own sweep as it was, and the browser keeps using it.

A sweep travels as numbers only (:func:`encode`): a small JSON header and the scenario's
values as little-endian float64 (exact, so the browser formats every label from the same
number the server would), for the years that differ between grid points; earlier years and
the baseline (the instruments reset, so the same at every point) are the current
scenario's, which the view has already. No Streamlit here.
"""

from __future__ import annotations

import hashlib
import json
import struct
import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from simulator import controls
from simulator.history import load_history
from simulator.model import simulate
from simulator.params import ParameterTable, load_parameters
from simulator.plausibility import flags, is_caution

MAGIC = b"IKMS"  # the first bytes of an encoded sweep
VERSION = 2
# The appraisal's present values a sweep carries for each grid point (the public-cost card).
APPRAISED = ("pv_cost_rp_tn", "pv_job_years", "pv_value_added_rp_tn")


@dataclass(frozen=True)
class Sweep:
    """One lever's sweep: ``outputs[name]`` has shape (grid points, years carried), the
    scenario's values of ``name`` in ``years``; ``caution[i]`` is True when the model flags
    the scenario at grid point ``i`` (its changes are then not coloured as good news)."""

    lever: str
    grid: tuple[float, ...]
    key: str
    years: np.ndarray
    outputs: dict[str, np.ndarray]
    caution: np.ndarray
    # Present values over the appraisal period at each grid point, shape (points,)
    # (:data:`simulator.view.APPRAISAL_VALUES`: the public-cost card).
    appraisal: dict[str, np.ndarray] = field(default_factory=dict)

    def point(self, value: float) -> int:
        """The grid index of ``value``."""
        return self.grid.index(float(value))


def sweep_key(values: Mapping[str, float], lever: str, grid: Sequence[float]) -> str:
    """What a sweep of ``lever`` depends on, as a short digest: every other value and the
    grid. The page sends the key of each lever's sweep with the current scenario, so the
    browser uses a sweep only for the scenario it was made for."""
    others = sorted((k, float(v)) for k, v in values.items() if k != lever)
    text = json.dumps([lever, others, [float(g) for g in grid]], separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def grid_of(lever: str, values: Mapping[str, float], table: ParameterTable) -> tuple[float, ...]:
    """The lever's grid as its lever shows it (the current value included)."""
    param = table[lever]
    return controls.slider_options(param, float(values.get(lever, param.value)))


def expected_keys(
    values: Mapping[str, float], table: ParameterTable, levers: Iterable[str] | None = None
) -> dict[str, str]:
    """lever -> the key of the sweep that fits the scenario ``values`` (all parameters)."""
    names = tuple(levers) if levers is not None else table.policy
    return {n: sweep_key(values, n, grid_of(n, values, table)) for n in names}


def grid_batch(
    full: Mapping[str, float], table: ParameterTable, names: Sequence[str]
) -> tuple[dict[str, tuple[float, ...]], dict[str, float | np.ndarray]]:
    """The grids of the levers ``names`` around the scenario ``full`` (every parameter), and
    the model's input that runs every point of them in one call: lever after lever, each
    grid point with the other values at the scenario's."""
    grids = {name: grid_of(name, full, table) for name in names}
    columns: dict[str, np.ndarray] = {}
    for name in names:
        columns[name] = np.concatenate(
            [np.asarray(grids[n] if n == name else [full[name]] * len(grids[n])) for n in names]
        )
    batch = {k: v for k, v in full.items() if k not in columns}
    return grids, {**batch, **columns}


def compute(
    values: Mapping[str, float],
    outputs: Sequence[str],
    table: ParameterTable | None = None,
    levers: Iterable[str] | None = None,
) -> dict[str, Sweep]:
    """The sweeps of ``levers`` (default: every policy lever) around the scenario
    ``values``, from one batched model call."""
    table = table or load_parameters()
    full = {**table.defaults, **{k: float(v) for k, v in values.items()}}
    names = tuple(levers) if levers is not None else table.policy
    grids, batch = grid_batch(full, table, names)
    if not grids:
        return {}
    result = simulate(batch, params=table, appraise=True)
    history = load_history()
    caution = np.array(
        [is_caution(flags(result, i, history=history)) for i in range(result.n_scenarios)]
    )
    out: dict[str, Sweep] = {}
    start = 0
    for name in names:
        rows = slice(start, start + len(grids[name]))
        start = rows.stop
        blocks = {o: result[o][rows] for o in outputs}
        varying = [np.nonzero((b != b[:1]).any(axis=0))[0] for b in blocks.values()]
        first = min((int(v[0]) for v in varying if v.size), default=len(result.years))
        out[name] = Sweep(
            lever=name,
            grid=grids[name],
            key=sweep_key(full, name, grids[name]),
            years=result.years[first:],
            outputs={o: np.ascontiguousarray(b[:, first:]) for o, b in blocks.items()},
            caution=caution[rows],
            appraisal={k: np.ascontiguousarray(result.appraisal[k][rows]) for k in APPRAISED},
        )
    return out


def encode(sweep: Sweep) -> bytes:
    """A sweep as bytes: ``IKMS``, the header's length (uint32 LE), the JSON header, padding
    to 8 bytes, then float64 LE values in the header's output order, each (points, years), or
    (1, years) for an output listed as the same at every point, then the header's appraisal
    values, each (points,)."""
    header = {
        "v": VERSION,
        "lever": sweep.lever,
        "key": sweep.key,
        "grid": list(sweep.grid),
        "years": [int(y) for y in sweep.years],
        "outputs": list(sweep.outputs),
        # An output the lever does not move at all travels as one row.
        "same": [name for name, v in sweep.outputs.items() if v.size and (v == v[:1]).all()],
        "caution": "".join("1" if c else "0" for c in sweep.caution),
        "appraisal": list(sweep.appraisal),
    }
    text = json.dumps(header, separators=(",", ":")).encode()
    pad = (-(len(MAGIC) + 4 + len(text))) % 8
    body = b"".join(
        np.asarray(v[:1] if name in header["same"] else v, dtype="<f8").tobytes()
        for name, v in sweep.outputs.items()
    ) + b"".join(np.asarray(v, dtype="<f8").tobytes() for v in sweep.appraisal.values())
    return MAGIC + struct.pack("<I", len(text) + pad) + text + b" " * pad + body


def decode(data: bytes) -> Sweep:
    """The sweep :func:`encode` wrote (for tests and tools; the browser reads it itself)."""
    if data[:4] != MAGIC:
        raise ValueError("not a sweep")
    (size,) = struct.unpack("<I", data[4:8])
    header = json.loads(data[8 : 8 + size])
    points, years = len(header["grid"]), len(header["years"])
    values = np.frombuffer(data[8 + size :], dtype="<f8")
    outputs, at = {}, 0
    for name in header["outputs"]:
        rows = 1 if name in header["same"] else points
        block = values[at : at + rows * years].reshape(rows, years)
        outputs[name] = np.broadcast_to(block, (points, years))
        at += rows * years
    appraisal = {}
    for name in header["appraisal"]:
        appraisal[name] = values[at : at + points]
        at += points
    return Sweep(
        lever=header["lever"],
        grid=tuple(header["grid"]),
        key=header["key"],
        years=np.asarray(header["years"], dtype=int),
        outputs=outputs,
        caution=np.array([c == "1" for c in header["caution"]]),
        appraisal=appraisal,
    )


class Cache:
    """Encoded sweeps by key (the other values and the grid), the least recently used
    dropped first; the levers missing for one scenario are computed in one model call."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(
        self,
        values: Mapping[str, float],
        outputs: Sequence[str],
        table: ParameterTable,
        levers: Iterable[str] | None = None,
    ) -> dict[str, tuple[str, bytes]]:
        """lever -> (key, encoded sweep) for ``levers`` (default: every policy lever)."""
        full = {**table.defaults, **{k: float(v) for k, v in values.items()}}
        names = tuple(levers) if levers is not None else table.policy
        outputs = tuple(outputs)
        keys = expected_keys(full, table, names)
        slot = {n: f"{keys[n]}|{','.join(outputs)}" for n in names}  # the cache's own key
        found: dict[str, tuple[str, bytes]] = {}
        with self._lock:
            for name in names:
                if slot[name] in self._items:
                    self._items.move_to_end(slot[name])
                    found[name] = (keys[name], self._items[slot[name]])
        missing = [n for n in names if n not in found]
        if missing:
            for name, sweep in compute(full, outputs, table, missing).items():
                found[name] = (sweep.key, encode(sweep))
            with self._lock:
                for name in missing:
                    self._items[slot[name]] = found[name][1]
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
        return {n: found[n] for n in names}
