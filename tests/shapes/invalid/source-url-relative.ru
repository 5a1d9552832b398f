# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# A source document's address must be an absolute http(s) IRI.
#+ shape: SourceDocumentLinksShape
#+ message: at most one http(s) address
PREFIX schema: <https://schema.org/>
INSERT DATA { <https://w3id.org/casegraph/id/source/synthetic> schema:url <ftp://www.example.org/page> }
