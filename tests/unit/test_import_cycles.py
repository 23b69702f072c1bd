"""No import cycle between modules or between apps, counting imports inside functions; no app imports one above it.

The layers, lowest first (an app may import the apps listed before it, never one after it):

    planparser → theodoi → audit → communes → accounts → plans → indicators → reports → arising → evaluation
    → nextyear → dashboard → provinces, periodic, disclosure

- planparser is pure Python (no Django); theodoi holds the shared helpers (formatting, decree30, exports, files).
- accounts.tenancy (which communes a user sees) is the lowest rule every app with commune data builds on.
- A lower app never calls up: it sends a signal it owns and the app above connects a receiver in its ready()
  (communes.signals.directory_changed → plans; plans.signals.plan_rows_stored → indicators;
  plans.signals.plan_rows_carrying → arising; plans.signals.plan_replaced → reports). A lower app that needs a
  higher app's behaviour offers a registry the higher app fills in its ready() (plans' correction_fields.register).
- The site's composition roots (SITE below: the URL root, settings, WSGI/ASGI, the demo seed, management commands)
  may import any app; nothing imports them back.

KNOWN_UPWARD lists the upward imports that exist today, each with the change that removes it. The list may only
shrink: a new upward import fails, and so does an entry that is no longer needed.
"""
import ast
import graphlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("planparser", "theodoi", "audit", "communes", "accounts", "plans", "indicators", "reports", "arising",
          "evaluation", "nextyear", "dashboard", "provinces", "periodic", "disclosure")
SITE = ("theodoi.urls", "theodoi.settings", "theodoi.wsgi", "theodoi.asgi", "theodoi.demo")
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def first_party_modules(root: Path = ROOT, packages=LAYERS) -> dict[str, Path]:
    return {module_name(path, root): path for package in packages for path in (root / package).rglob("*.py")
            if "migrations" not in path.parts and "tests" not in path.parts}


def imported_names(name: str, path: Path) -> set[str]:
    """Every name the module imports, at the top or inside a function; relative imports made absolute."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]).strip(".") \
                if node.level else node.module
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def module_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module → first-party modules it imports (`from plans.services import staging` is the module staging)."""
    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    return {name: {target for target in map(owner, imported_names(name, path)) if target and target != name}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle graphlib finds, one edge removed after each so the next is found too; shown as imports run."""
    graph = {node: set(targets) for node, targets in graph.items()}
    found = []
    while True:
        try:
            graphlib.TopologicalSorter(graph).prepare()
            return found
        except graphlib.CycleError as error:
            cycle = list(reversed(error.args[1]))  # graphlib lists dependencies first
            found.append(cycle)
            graph[cycle[0]].discard(cycle[1])


def app_of(module: str) -> str:
    return module.split(".")[0]


def is_site(module: str) -> bool:
    return module.startswith(SITE) or ".management.commands." in module


def upward_imports(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    """(module, app) pairs where a module imports an app above its own (composition roots excepted)."""
    rank = {app: i for i, app in enumerate(LAYERS)}
    return {(module, app_of(target)) for module, targets in graph.items() if not is_site(module)
            for target in targets if rank[app_of(target)] > rank[app_of(module)]}


def test_the_collector_sees_imports_inside_functions_and_relative_ones(tmp_path):
    (tmp_path / "low" / "services").mkdir(parents=True)
    (tmp_path / "high").mkdir()
    for package in ("low", "low/services", "high"):
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "low" / "models.py").write_text("")
    (tmp_path / "low" / "services" / "a.py").write_text(
        "def f():\n    from ..models import X\n    from high import views\n")
    (tmp_path / "high" / "views.py").write_text("from low.services import a\n")
    graph = module_graph(first_party_modules(tmp_path, ("low", "high")))
    assert graph["low.services.a"] == {"low.models", "high.views"}
    assert cycles(graph) == [["low.services.a", "high.views", "low.services.a"]]


def test_no_import_cycle_between_modules():
    found = cycles(module_graph(first_party_modules()))
    assert not found, "Import cycles between modules:\n" + "\n".join(" → ".join(c) for c in found)


def test_every_app_has_a_layer():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")} | {"planparser", "theodoi"}
    assert apps <= set(LAYERS), f"Place these apps in LAYERS: {sorted(apps - set(LAYERS))}"


def test_no_app_imports_an_app_above_it():
    new = upward_imports(module_graph(first_party_modules())) - KNOWN_UPWARD.keys()
    assert not new, "Imports of a higher layer (send a signal the lower app owns instead):\n" + "\n".join(
        f"{module} → {app}" for module, app in sorted(new))


def test_known_upward_imports_are_still_there():
    gone = KNOWN_UPWARD.keys() - upward_imports(module_graph(first_party_modules()))
    assert not gone, f"Fixed, so remove them from KNOWN_UPWARD: {sorted(gone)}"


def test_no_import_cycle_between_apps_once_the_known_exceptions_are_set_aside():
    apps: dict[str, set[str]] = {app: set() for app in LAYERS}
    for module, targets in module_graph(first_party_modules()).items():
        if not is_site(module):
            apps[app_of(module)] |= {app_of(t) for t in targets if (module, app_of(t)) not in KNOWN_UPWARD}
    found = cycles({app: targets - {app} for app, targets in apps.items()})
    assert not found, "Import cycles between apps:\n" + "\n".join(" → ".join(c) for c in found)
