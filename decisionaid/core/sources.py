"""How a person finds a source the pack cites: its addresses, for the handout and both front ends alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decisionaid.content.models import Source


def source_links(source: Source) -> list[str]:
    """How to find a source: its DOI, PubMed and web addresses, each once."""
    links = []
    if source.doi:
        links.append(f"https://doi.org/{source.doi}")
    if source.pmid:
        links.append(f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/")
    if source.url and source.url.rstrip("/") not in (link.rstrip("/") for link in links):
        links.append(source.url)
    return links
