"""claimgraph: track who said what about whom in the news, as an RDF knowledge graph."""

__version__ = "0.1.0"
