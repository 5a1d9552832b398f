"""Hand-entered review records for the regional read-across.

Loaded by build_tables.py. Keep one dict per review. Text is paraphrased from the
published reports; check against the PDF before quoting.
NOTE: invented test data for casegraph.
"""

from datetime import date

SOURCE = "West Midlands regional analysis, batch 4"
LAST_EDITED = date(2024, 11, 18)

REVIEWS = [
    {
        "heading": "Child N: LCSPR, Leicester (published 2023)",
        "nation": "England",
        "type": "Local Child Safeguarding Practice Review",
        "child": {"label": "Child N", "age": 16, "sex": "female"},
        "summary": """
            N had been looked after by Birmingham since she was 12 and was living in a
            supported placement in Leicester. She was often missing overnight and was
            drinking heavily and using ketamine. In September 2022 her 20-year-old
            boyfriend stabbed her several times; he was convicted of attempted murder.
            She survived after emergency surgery. Placement staff had recorded controlling
            behaviour by the boyfriend for months.
        """,
        "learning": [
            "Abuse in teenage relationships was not recognised as domestic abuse.",
            "Host-authority services were not told N had moved into Leicester.",
            "Unregulated placements need clear safeguarding oversight.",
        ],
        "recommendations": [
            "Placing authorities to notify the host partnership within 5 working days.",
            "Police and social care to use MARAC for 16-17 year olds at high risk.",
        ],
        "recs_in_report": 6,  # "The review made six recommendations"
        "keywords": ["looked after children", "teenage relationship abuse", "missing", "out of area"],
    },
    {
        "heading": "Twins A and B: SCR, Sandwell (published 2018)",
        "nation": "England",
        "type": "Serious Case Review",
        "child": [
            {"label": "Twin A", "age_months": 4, "sex": "male"},
            {"label": "Twin B", "age_months": 4, "sex": "male"},
        ],
        "summary": """
            Twin boys born prematurely. At four months both were admitted to hospital
            severely underweight and dehydrated; the review concluded they had been
            neglected. Their parents missed eleven health appointments and did not let
            the health visitor in on three occasions. Both parents have mild learning
            difficulties. It is not known whether the father's reported gambling debts
            affected the family's ability to buy formula.
        """,
        "learning": [
            # single paragraph in report
            "Premature twins need enhanced health visiting and the parents' capacity to "
            "follow feeding plans has to be tested, not assumed.",
        ],
        "recommendations": [],   # not extracted yet
        "recs_in_report": None,
        "keywords": [],
    },
]

# Not a review: kept here so build_tables.py can print the footnote.
FOOTNOTE = "Batch 4 also checked the Dudley rapid-review log; no reviews were commissioned."
