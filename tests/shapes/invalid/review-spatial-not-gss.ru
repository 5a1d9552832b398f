# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# A review's area linked to something that is not an ONS statistical geography.
#+ shape: ReviewLinksShape
#+ message: ONS statistical geography
PREFIX dcterms: <http://purl.org/dc/terms/>
INSERT DATA { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> dcterms:spatial <https://www.example.org/testshire> }
