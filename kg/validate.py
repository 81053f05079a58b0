"""SHACL validation of the store against ``ontology/shapes.ttl`` (pyshacl).

>>> from kg.store import open_store
>>> validate(open_store("memory")).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, Namespace
from rdflib.namespace import RDF

from .export import union_graph
from .rdf import ontology_graph

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str


@dataclass
class Report:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    def text(self, limit: int = 50) -> str:
        """A readable report: one line per violation, most frequent messages first."""
        if self.conforms:
            return "conforms: the store satisfies every shape of ontology/shapes.ttl\n"
        lines = [f"does not conform: {len(self.violations)} violation(s)"]
        for v in self.violations[:limit]:
            lines.append(f"  {v.severity}: {v.focus} {v.path}: {v.message}")
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines) + "\n"


def _short(term) -> str:
    return "" if term is None else str(term).rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def validate(ds: Dataset | Graph) -> Report:
    """Check the union of all graphs (with the ontology's class hierarchy) against the shapes."""
    data = union_graph(ds) if isinstance(ds, Dataset) else ds
    shapes = ontology_graph("shapes.ttl")
    conforms, results, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology_graph(),
                                          inference="none", allow_warnings=True)
    violations = [
        Violation(focus=str(results.value(r, SH.focusNode)), path=_short(results.value(r, SH.resultPath)),
                  message=str(results.value(r, SH.resultMessage)), severity=_short(results.value(r, SH.resultSeverity)))
        for r in results.subjects(RDF.type, SH.ValidationResult)
    ]
    violations.sort(key=lambda v: (v.message, v.focus))
    return Report(conforms=bool(conforms), violations=violations)
