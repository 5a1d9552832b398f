# SYNTHETIC invalid fixture: applied to ../valid/review.ttl, must give a violation.
# Prose must carry its language (en or cy): an untagged title is refused.
#+ shape: CaseReviewShape
#+ message: exactly one non-empty title
PREFIX dcterms: <http://purl.org/dc/terms/>
DELETE { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> dcterms:title ?t } INSERT { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> dcterms:title "2024 – Testshire – Child 17" } WHERE { <https://w3id.org/casegraph/id/review/2024-testshire-child-17> dcterms:title ?t }
