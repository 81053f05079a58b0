"""claimgraph: track who said what about whom in the news, as an RDF knowledge graph.

From Python, with the names of the ``kg`` command (see :mod:`kg.api`)::

    import kg
    records = kg.extract("Putin said the talks had failed.")   # kg extract --jsonl
    summary = kg.build(["seeds/"], out="out")                   # kg build seeds/
    with kg.Graph("oxigraph:out/store") as graph:               # kg query, kg claims
        graph.claims(speaker="Putin", since="2022-03-01")

The names load what they need when first used: ``import kg`` and ``kg.Graph`` do not import spaCy.
"""

__version__ = "0.1.0"
__all__ = ["extract", "build", "Graph"]


def __getattr__(name: str):
    if name in ("extract", "Graph"):
        from . import api

        return getattr(api, name)
    if name == "build":
        from .builder import build

        return build
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
