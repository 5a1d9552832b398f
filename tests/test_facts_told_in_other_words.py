"""Facts the development sets' accounts tell in words no label held (session 72), each on an
invented account (INVENTED test data, neutral pseudonyms), labelled by hand with the facts it
must give and those it must not: a medicine found in the child, neglect told as what the
children went without, a man professionals never knew of told another way, help declined "both
times", the police called to a home's shouting, what agencies did not know (knowing is
factive), earlier offending and moves told with their years, a mark whose explanation was
accepted, a young person's drinking told by what was seen of it, and "because of her mother's
..." (a cause, not an owner: the plan was the child's, not the mother's own childhood).  Each
case that must give a fact failed before the session's rules but one, "nobody had asked who he
was", kept beside the new cues for the hidden man; each guard row, a fact that must stay absent,
fails a cue read too widely.  Session 73 added three from validation56's accounts (a scald told
as forced immersion, a sibling injured in the attack that killed the child, a family
"struggling financially") and more from the development sets' misses (a parent's drug use told
as a verb, domestic abuse in a family's own words, "That review found ..." after another review,
burns given "as a punishment", a baby "thrown down", belt-shaped marks); each that must give a
fact failed before its rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import reviews_of_page

from casegraph.extract.vocab import Vocabulary

#: (case, the account, facts it must give, facts it must not give): harm types and risk factors
#: alike, the account hand-labelled.
ACCOUNTS: list[tuple[str, str, set[str], set[str]]] = [
    # (session 76, validation59) symptoms a parent induced are fabricated or induced illness; a
    # damp rented house is the family's housing
    ("induced_symptoms_are_fii",
      'Child T, a five-month-old girl, was taken to hospital 14 times with breathing problems. '
      'Doctors concluded that her mother had induced the symptoms.',
      {'H-FII'}, set()),
    ("a_damp_house_is_poor_housing",
      'Child T, aged four, died after a severe asthma attack in December 2022. The family\'s rented '
      'house was damp, and his parents could not afford to heat it.',
      {'RF-HOUS'}, set()),
    # (session 76, validation59) help turned down, letters left unanswered: non-engagement
    ("help_turned_down_is_non_engagement-1",
      'Child T is a nine-year-old boy. Both parents misused heroin, and the family had turned '
      'down early help three times.',
      {'RF-NONENG'}, set()),
    ("help_turned_down_is_non_engagement-2",
      'Child T, a three-year-old girl, was underweight. Her mother did not take her to nursery '
      'and did not respond to letters from the health visitor.',
      {'RF-NONENG'}, set()),
    # a sedative in the child's blood is an ingestion
    ("a_sedative_in_the_childs_blood_is_an_ingestion-1",
      'Child T, a boy aged six, was admitted to hospital in June 2021. Tests found a sedative '
      'in his blood that had not been prescribed to him.',
      {'H-INGEST'}, set()),
    ("a_sedative_in_the_childs_blood_is_an_ingestion-2",
      'Child T, a boy aged six, lived with his mother, who took prescribed sedative medication '
      'for anxiety.',
      set(), {'H-INGEST'}),
    # neglect told as what the children went without
    ("neglect_told_as_what_the_children_went_without-1",
      'Child T, aged 9, and her sister were taken into police protection in March 2023. The '
      'girls had been left alone for days at a time, with little food in the house.',
      {'H-NEG'}, set()),
    ("neglect_told_as_what_the_children_went_without-2",
      'Child T, aged 9, was taken to hospital in March 2023 after a fall. Social workers found '
      'a warm home with plenty of food.',
      set(), {'H-NEG'}),
    # a man no agency met told another way
    ("a_man_no_agency_met_told_another_way-1",
      'Child T was two when she was admitted to hospital in May 2022 with a head injury. In '
      "March 2022 her mother's new partner moved in; the health visitor and the nursery were "
      'not told, and neither agency ever met him.',
      {'RF-MEN'}, set()),
    ("a_man_no_agency_met_told_another_way-2",
      'Child T was two when she was admitted to hospital in May 2022 with a head injury. The '
      'boyfriend had convictions for violence that no agency knew about, because nobody had '
      'asked who he was.',
      {'RF-MEN'}, set()),
    ("a_man_no_agency_met_told_another_way-3",
      'Child T was a boy of fifteen who went missing in May 2022. On the night he went missing '
      'nobody checked on him.',
      set(), {'RF-MEN'}),
    # help declined both times is non engagement
    ("help_declined_both_times_is_non_engagement-1",
      'Child T was four when she was admitted to hospital in May 2022 underweight. Early help '
      'was offered to the family twice, and her mother declined both times.',
      {'RF-NONENG'}, set()),
    ("help_declined_both_times_is_non_engagement-2",
      'Child T was four when she was admitted to hospital in May 2022. Her father had refused '
      'to meet the health visitor on four occasions.',
      {'RF-NONENG'}, set()),
    ("help_declined_both_times_is_non_engagement-3",
      'Child T was four when she was admitted to hospital in May 2022. Early help was offered '
      'to the family, and her mother took it up.',
      set(), {'RF-NONENG'}),
    # the police called to the homes shouting
    ("the_police_called_to_the_homes_shouting-1",
      'Child T was three months old when he was admitted to hospital in May 2022. During the '
      "pregnancy police were called to the couple's flat three times after neighbours reported "
      'shouting and a woman screaming.',
      {'RF-DA'}, set()),
    ("the_police_called_to_the_homes_shouting-2",
      'Child T was three months old when he was admitted to hospital in May 2022. In the year '
      "before, police had been called four times to arguments between Child T's mother and his "
      'father.',
      {'RF-DA'}, set()),
    ("the_police_called_to_the_homes_shouting-3",
      'Child T was fifteen when he was admitted to hospital in May 2022. Police had been called '
      "to a party at a neighbour's house because of loud music.",
      set(), {'RF-DA'}),
    # what agencies did not know was so (knowing is factive)
    ("what_agencies_did_not_know_was_so-1",
      'Child T was four when she was admitted to hospital in May 2022 with a head injury. '
      "Agencies did not know that her mother's partner had a conviction for assaulting a "
      'previous partner.',
      {'RF-CRIM'}, set()),
    ("what_agencies_did_not_know_was_so-2",
      'Child T was four when she was admitted to hospital in May 2022 with a head injury. The '
      "partner's previous convictions for assault were not known locally.",
      {'RF-CRIM'}, set()),
    ("what_agencies_did_not_know_was_so-3",
      'Child T was four when she was admitted to hospital in May 2022 with a head injury. There '
      "was no record that her mother's partner had previous convictions.",
      set(), {'RF-CRIM'}),
    # offending and moves told with their years
    ("offending_and_moves_told_with_their_years-1",
      'Child T was four when she was admitted to hospital in May 2023 with a head injury. Her '
      'father had been convicted in 2016 of assaulting a former partner. The family moved house '
      'twice in 2022.',
      {'RF-CRIM', 'RF-HOUS'}, set()),
    # a mark whose explanation was accepted
    ("a_mark_whose_explanation_was_accepted-1",
      'Child T was four months old when he was admitted to hospital in May 2022 with a head '
      'injury. At eight weeks, a bruise to his cheek was seen by the health visitor and was '
      'accepted as having been caused by a dummy clip.',
      {'RF-SENT'}, set()),
    ("a_mark_whose_explanation_was_accepted-2",
      'Child T, aged six, and his brother were found to have bruising in May 2022. Medicals '
      'found the bruising had been caused by being hit, and their mother accepted that she had '
      'hit them.',
      set(), {'RF-SENT'}),
    # a young persons drinking told by what was seen
    ("a_young_persons_drinking_told_by_what_was_seen-1",
      'Child T, a 15-year-old girl, went missing 14 times in six months in 2022, often '
      'returning drunk.',
      {'RF-CSUB'}, set()),
    ("a_young_persons_drinking_told_by_what_was_seen-2",
      'Child T, a 15-year-old boy, died in June 2022 after taking ecstasy at a party.',
      {'RF-CSUB'}, set()),
    ("a_young_persons_drinking_told_by_what_was_seen-3",
      'Child T, a girl aged two, was admitted to hospital in June 2022. Police had found her '
      'mother drunk at home.',
      set(), {'RF-CSUB'}),
    # because of a parents problem names a cause not an owner
    ("because_of_a_parents_problem_names_a_cause_not_an_owner-1",
      'Child T was four when she was admitted to hospital in May 2022 with a head injury. She '
      "had a child in need plan because of her mother's alcohol misuse.",
      {'RF-ALC', 'RF-PREV'}, set()),
    ("because_of_a_parents_problem_names_a_cause_not_an_owner-2",
      'Child T, a 15-year-old girl, died in May 2022. She had lived with her grandmother since '
      "the age of two, after a period on a child protection plan because of her mother's "
      'heroin use.',
      {'RF-DRG', 'RF-PREV'}, {'RF-PACE'}),
    # (session 73) a scald told as forced immersion is inflicted; a scald in the bath is not
    ("a_scald_told_as_forced_immersion_is_inflicted-1",
      'Child T, aged five, was admitted to hospital in June 2023 with scald injuries to both '
      'feet. Medical staff concluded that the injuries were consistent with forced immersion in '
      'hot water.',
      {'H-PHYS'}, set()),
    ("a_scald_told_as_forced_immersion_is_inflicted-2",
      'Child T, aged five, was admitted to hospital in June 2023 with scald injuries to both '
      'feet after she turned on the hot tap in the bath while her mother was downstairs.',
      set(), {'H-PHYS'}),
    # (session 73) a sibling hurt in the attack that killed the child
    ("a_sibling_injured_in_the_same_attack-1",
      'Child T, aged six, was killed by his mother\'s partner in 2022; his sister Child U, aged '
      'four, was seriously injured in the same attack.',
      {'H-PHYS'}, set()),
    ("a_sibling_injured_in_the_same_attack-2",
      'Child T, aged six, and his sister Child U, aged four, were injured in a road traffic '
      'collision in 2022 in which their mother was driving.',
      set(), {'H-PHYS'}),
    # (session 73) a parent's money troubles told as "struggling financially"
    ("a_family_struggling_financially-1",
      'Child T, aged twelve, died in hospital in March 2023 from sepsis. His mother, who was his '
      'main carer, had told professionals she was struggling financially.',
      {'RF-POV'}, set()),
    ("a_family_struggling_financially-2",
      'Child T, aged twelve, died in hospital in March 2023 from sepsis. There was no suggestion '
      'that the family were struggling financially.',
      set(), {'RF-POV'}),
    # (session 73) a parent's drug use told as a verb; a young person's own is not a parent's
    ("a_parents_drug_use_told_as_a_verb-1",
      'Child T, aged four, was admitted to hospital in May 2023 underweight. Her mother had used '
      'drugs for many years.',
      {'RF-DRG'}, set()),
    ("a_parents_drug_use_told_as_a_verb-2",
      'Child T, aged four, was admitted to hospital in May 2023 underweight. There was no '
      'evidence that her mother used drugs.',
      set(), {'RF-DRG'}),
    ("a_parents_drug_use_told_as_a_verb-3",
      'Child T, aged fifteen, went missing in May 2023. He had used drugs since the age of 13.',
      {'RF-CSUB'}, {'RF-DRG'}),
    # (session 73) domestic abuse told in a family's own words
    ("domestic_abuse_told_in_a_familys_words-1",
      'Child T, aged four, was admitted to hospital in May 2023 underweight. Her parents '
      "separated in 2022 after years of Dad's violence towards Mum.",
      {'RF-DA'}, set()),
    ("domestic_abuse_told_in_a_familys_words-2",
      'Child T, aged four, was admitted to hospital in May 2023 underweight. Both children were '
      'present during violent arguments between the adults.',
      {'RF-DA'}, set()),
    ("domestic_abuse_told_in_a_familys_words-3",
      'Child T, aged four, was admitted to hospital in May 2023 underweight. There was no '
      'violence towards Mum that anyone knew of.',
      set(), {'RF-DA'}),
    # (session 73) "That review found ..." after another review told: that review's child
    ("that_review_is_another_review-1",
      'Child T, aged four months, was admitted to hospital in May 2023 with a fractured skull. In '
      '2021 the committee published a review into the death of a 15-year-old girl. That review '
      'found that she had been drinking and using drugs for over a year.',
      set(), {'RF-DRG', 'RF-CSUB'}),
    ("that_review_is_another_review-2",
      'Child T, aged four months, was admitted to hospital in May 2023 with a fractured skull. An '
      "earlier review had concerned her brother. That review found that Child T's mother had "
      'used drugs for many years.',
      {'RF-DRG'}, set()),
    # (session 73) injuries told as inflicted by how they were caused
    ("injuries_told_inflicted_by_how-1",
      'In January 2023, when Child T was three, her father held her hand against a hot radiator '
      'as a punishment, causing serious burns.',
      {'H-PHYS'}, set()),
    ("injuries_told_inflicted_by_how-2",
      'Child T, aged 3 months, was taken to hospital with a skull fracture; his father later '
      'admitted that he had thrown him down in frustration.',
      {'H-PHYS'}, set()),
    ("injuries_told_inflicted_by_how-3",
      'Child T arrived at school with marks on his back in the shape of a belt, which he said his '
      'father had caused.',
      {'H-PHYS'}, set()),
    ("injuries_told_inflicted_by_how-4",
      'Child T, aged three, was taken to hospital with burns after she touched a hot radiator '
      'while her father was in the garden.',
      set(), {'H-PHYS'}),
    # (session 74) the offence or the hands that caused the injuries
    ("injuries_told_inflicted_by_the_offence-1",
      'Child T, a 20-month-old girl, suffered a fractured skull in December 2022. Her father was '
      'later convicted of causing her grievous bodily harm.',
      {'H-AHT'}, set()),
    ("injuries_told_inflicted_by_the_offence-2",
      'Child T, a seven-week-old boy, suffered a fractured skull at the hands of his father.',
      {'H-PHYS'}, set()),
    # (session 74) drinking, want and a placement told in other words
    ("drinking_want_and_placement_in_other_words-1",
      "Child T died in January 2023 after sleeping in his parents' bed; both parents had been "
      'drinking and had taken cocaine that evening.',
      {'RF-ALC'}, set()),
    ("drinking_want_and_placement_in_other_words-2",
      'Child T was four when she was found living in a cold flat. The family had moved four times '
      'in a year, and there was often no money for heating.',
      {'RF-POV'}, set()),
    ("drinking_want_and_placement_in_other_words-3",
      "Child T, aged 15, was criminally exploited. He was a looked after child living in a "
      "children's home in another Trust area.",
      {'RF-OOA'}, set()),
    # (session 74) a life that was another's: "his own" in a girl's account, after "he"
    ("another_persons_own_life-1",
      'Child T was seven years old when she was killed by her father during a contact visit in '
      '2022; he then took his own life.',
      {'H-HOM'}, {'H-SUIC'}),
    ("another_persons_own_life-2",
      'Child T, a boy of 15, was living with his mother. His mother then tried to take her own '
      'life and was detained in hospital.',
      {'RF-PMH'}, {'H-SUIC'}),
    # (session 75) a care leaver in a baby's account is the parent (RF-PACE), not the baby in
    # care; in a 17-year-old's account the care leaver is the young person
    ("a_care_leaver_in_a_babys_account-1",
      'Child T was three months old when she was admitted to hospital in October 2022 with '
      'bruising to her face. Her mother was 19; her leaving care personal adviser saw her during '
      'the pregnancy.',
      {'RF-PACE'}, {'RF-LAC'}),
    ("a_care_leaver_in_a_babys_account-2",
      'Child T, aged 17, was a care leaver living in supported accommodation when she was '
      'assaulted by her boyfriend in August 2023.',
      {'RF-LAC'}, {'RF-PACE'}),
    # (session 75) harm the child did to "a younger child" or "another boy" is not the child's
    ("harm_the_child_did_to_another-1",
      'Child T, a 13-year-old boy with autism, sexually abused a younger child, a seven-year-old '
      'neighbour, in 2023. He had been bullied at school.',
      set(), {'H-SA'}),
    ("harm_the_child_did_to_another-2",
      'Child T, a 13-year-old boy with autism, was sexually abused by a neighbour in 2023. He had '
      'been bullied at school.',
      {'H-SA'}, set()),
    # (session 78, devlocal110) a child who sexually assaulted a younger child shows harmful
    # sexual behaviour; learning about abuse "in younger teenagers" tells of none
    ("a_younger_childs_assault_is_harmful_sexual_behaviour-1",
      'Child T, a 13-year-old autistic boy, sexually assaulted his younger cousin in March 2022. '
      'His father was in prison.',
      {'RF-HSB'}, set()),
    ("a_younger_childs_assault_is_harmful_sexual_behaviour-2",
      'Child T, a 14-year-old girl, was groomed online in 2023. The review identifies learning '
      'about recognising signs of sexual abuse in younger teenagers.',
      set(), {'RF-HSB'}),
    # (session 78, devlocal110) "assaulted her" is the child assaulted, or a sexual assault:
    # domestic abuse is the mother or a partner assaulted
    ("who_assaulted_her_is_no_domestic_abuse-1",
      "Child T, aged 8, was left in the care of her mother's new partner, who assaulted her, "
      'causing a broken arm.',
      set(), {'RF-DA'}),
    ("who_assaulted_her_is_no_domestic_abuse-2",
      'Child T, a 15-year-old girl, was found in a flat with adult men; she disclosed that they '
      'had sexually assaulted her.',
      set(), {'RF-DA'}),
    ("who_assaulted_her_is_no_domestic_abuse-3",
      'Child T, a baby boy, lived with his parents. His father assaulted the mother twice in 2022.',
      {'RF-DA'}, set()),
    # (session 78, devlocal110) sexual abuse in exchange for what the abuser gave is sexual
    # exploitation; a concern of it that enquiries did not confirm is none
    ("sexual_abuse_in_exchange_is_exploitation-1",
      'Child T, a 14-year-old girl, was sexually abused in 2023 by a 32-year-old man she had met '
      'online, who gave her alcohol, vapes and a place to stay in return.',
      {'H-CSE', 'RF-CSE'}, set()),
    ("sexual_abuse_in_exchange_is_exploitation-2",
      'Child T, a 15-year-old girl, went missing and was found with adult men who had given her '
      'drugs and somewhere to stay; she disclosed that they had sexually assaulted her.',
      {'H-CSE', 'RF-CSE'}, set()),
    ("sexual_abuse_in_exchange_is_exploitation-3",
      'Child T, aged 14, was contacted by men who were giving her alcohol, and police shared a '
      'concern that she was being sexually exploited; enquiries did not establish that she had '
      'been sexually abused.',
      set(), {'H-CSE', 'RF-CSE'}),
    # (session 78, devlocal110) a children's home "40 miles from his family" is a placement
    # away from home
    ("a_home_miles_from_the_family_is_out_of_area",
      "Child T, a 16-year-old boy, had been looked after since he was 11 and was living in a "
      "children's home in Bristol, 40 miles from his family.",
      {'RF-OOA'}, set()),
    # (session 79, devlocal111) the abusers told by what they gave in the same clause; a
    # placement "from her home area"; a parent's abuse "when she was young" is her childhood's;
    # drugs held and sold for others
    ("abusers_who_gave_her_things_are_exploitation",
      'Child T, a 13-year-old girl, was sexually abused during 2023 by adult men who gave her '
      'alcohol, cigarettes and lifts in their cars.',
      {'H-CSE', 'RF-CSE'}, set()),
    ("abused_by_men_who_gave_nothing_is_no_exploitation",
      'Child T, a 13-year-old girl, was sexually abused during 2023 by a man who gave evidence '
      'at the trial.',
      {'H-SA'}, {'H-CSE', 'RF-CSE'}),
    ("placed_from_her_home_area_is_out_of_area",
      'Child T, a 13-year-old girl, was looked after and lived in a residential house in Perth, '
      'having been placed there from her home area of Glasgow.',
      {'RF-OOA'}, set()),
    ("a_mothers_abuse_when_young_is_her_childhood",
      "Baby T, a boy, was 10 days old when his father dropped him. Baby T's mother had been in "
      "care herself and had been sexually abused by a relative when she was young.",
      {'RF-PACE'}, {'H-SA'}),
    ("a_childrens_home_outside_the_area_is_out_of_area",
      "Child T, a 16-year-old boy, was in the care of the local authority and lived in a "
      "children's home in Lancashire, outside Wirral.",
      {'RF-OOA'}, set()),
    ("holding_and_selling_drugs_for_others_is_exploitation",
      'Child T, a 16-year-old boy, was used by older youths to hold and sell drugs in 2023.',
      {'H-EXT', 'RF-CCE'}, set()),
]


@pytest.mark.parametrize(("account", "present", "absent"), [row[1:] for row in ACCOUNTS],
                         ids=[row[0] for row in ACCOUNTS])
def test_an_account_gives_its_facts(tmp_path: Path, vocab: Vocabulary, account: str, present: set[str],
                                    absent: set[str]) -> None:
    """The one review of an invented briefing whose account is ``account`` has every fact of
    ``present`` and none of ``absent`` among its harm types and risk factors."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished: May 2024\n\nWhat happened\n\n"
            f"{account}\n\nLearning\n\n- Agencies should share information about who lives in the home.\n")
    reviews = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert len(reviews) == 1
    facts = {c.notation for c in reviews[0].harms} | {c.notation for c in reviews[0].risk_factors}
    assert present <= facts and not absent & facts, (sorted(present - facts), sorted(absent & facts))


@pytest.mark.parametrize("told", [
    "He had a previous conviction for assaulting a former partner.",
    "He had convictions for violence against two former partners.",
    "He had a history of violence towards previous partners.",
])
def test_violence_to_a_former_partner_is_mentioned_not_a_fact(tmp_path: Path, vocab: Vocabulary,
                                                               told: str) -> None:
    """(session 75) A man's violence in an earlier relationship is another household's: listed
    as a mention of domestic abuse (as labellers list it), never a fact of this family."""
    page = ("Learning Review: Child T (INVENTED test page)\n\nPublished: May 2024\n\nWhat happened\n\n"
            "Child T was four months old when she was admitted to hospital in March 2023 with a "
            f"skull fracture. Her mother's partner had moved in a month earlier. {told}\n")
    (review,) = reviews_of_page(tmp_path, "briefing.txt", page, vocab)
    assert "RF-DA" not in {c.notation for c in review.risk_factors}
    assert any(m.notation == "RF-DA" and not m.fact for m in review.mentions)
