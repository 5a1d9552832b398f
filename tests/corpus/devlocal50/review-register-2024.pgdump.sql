--
-- PostgreSQL database dump
--
-- NOTE: invented test data for casegraph (devlocal50); no real cases.
--

-- Dumped from database version 15.6
-- Dumped by pg_dump version 15.6

SET statement_timeout = 0;
SET lock_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;

--
-- Name: case_reviews; Type: TABLE; Schema: public; Owner: analyst
--

CREATE TABLE public.case_reviews (
    id integer NOT NULL,
    child_pseudonym text,
    age_text text,
    sex character(1),
    partnership text,
    review_type text,
    published_on date,
    incident_month text,
    case_account text,
    learning text,
    recommendations text,
    recs_total integer,
    tags text[]
);

ALTER TABLE public.case_reviews OWNER TO analyst;

--
-- Name: review_status_log; Type: TABLE; Schema: public; Owner: analyst
--

CREATE TABLE public.review_status_log (
    log_id integer NOT NULL,
    logged_at timestamp without time zone,
    note text
);

--
-- Data for Name: case_reviews; Type: TABLE DATA; Schema: public; Owner: analyst
--

COPY public.case_reviews (id, child_pseudonym, age_text, sex, partnership, review_type, published_on, incident_month, case_account, learning, recommendations, recs_total, tags) FROM stdin;
101	Child AB	9 weeks	M	Sandwell	Local child safeguarding practice review	2023-05-17	2021-11	Child AB was admitted to hospital aged nine weeks with subdural and retinal haemorrhages. The consultant paediatrician and the police investigation concluded that he had been violently shaken by an adult carer. At six weeks the health visitor had seen a small bruise on his cheek, which the mother said was caused by his three-year-old brother; no referral was made. The mother had been treated by her GP for postnatal depression since the birth.	Any bruise on a baby who is not yet mobile must be referred under the bruising protocol, whatever explanation is offered.\nThe father was largely invisible to services; practitioners should ask who else cares for the baby.\nProfessional curiosity about explanations offered by a sibling is needed.	Partners to re-launch the bruising in non-mobile infants protocol with GPs, health visitors and midwives.\nThe partnership to seek assurance that the ICON programme is delivered in every maternity unit.	4	{"abusive head trauma","bruising protocol","fathers",infants}
102	Baby K	4 months	F	Stoke-on-Trent	Local child safeguarding practice review	2024-02-08	2022-08	Baby K died after being found unresponsive on a sofa where she had been sleeping with her father. The father had a long history of alcohol misuse and had also used cannabis that evening. The family had been supported under a child in need plan because of concerns about neglect of the home and of the children's hygiene. The post-mortem found no evidence of inflicted injury.	Safer sleep advice should be repeated at every contact, and given to fathers as well as mothers.\nPlans for families where a parent drinks should consider how alcohol affects night-time care.	The partnership should commission a safer sleep campaign aimed at fathers.\nChildren's social care to include a safer sleep assessment in every child in need plan for a baby under one.\nThe substance misuse service to ask every parent in treatment about sleeping arrangements for infants.	3	{"sudden unexpected death in infancy","co-sleeping","alcohol misuse","child in need"}
103	Child R	2 years 3 months	M	Cumbria	Serious case review	2018-10-01	\N	Child R was admitted to hospital severely underweight, with his weight below the 0.4th centile, and was diagnosed with failure to thrive caused by neglect. He had missed eleven health appointments. His mother has a learning disability and his father was using heroin throughout the period under review. The home was found to be dirty and without food.	Practitioners relied on the parents' account and did not weigh the child.\nThe drug service and children's services did not share information about the father's drug use.\nThe impact of the mother's learning disability on her ability to respond to advice was not assessed.	The LSCB to audit the use of growth charts by GPs and health visitors.\nThe drug and alcohol service to notify children's social care when a parent in treatment has a child under five.	\N	{neglect,"failure to thrive","parental learning disability","drug misuse"}
104	Child E	14 months	F	Norfolk	Local child safeguarding practice review	2022-11-30	2021-03	Child E was found to have a fractured femur and several healing rib fractures. Care proceedings concluded that the fractures had been caused by an adult in the household, most likely the mother's new partner, who had moved in two months earlier and was not known to the health visitor. The mother had disclosed anxiety to her GP during the pregnancy. There was no evidence that either adult misused drugs.	New adults joining a household should be identified and checked.\nA single agency should not be left to hold concerns about a new partner.	Agencies should strengthen how they record and share information about adults who join a household with a baby.	1	{"non-accidental injury",fractures,"new partner"}
105	Child J	7 months	M	Wiltshire	Local child safeguarding practice review	2023-09-14	2022-12	Paramedics called to the home found Child J with a serious head injury; he survived after treatment in intensive care. Neither the medical evidence nor the police enquiry could establish whether the injury was accidental or inflicted. His mother had postnatal depression and was drinking heavily at the time; his father worked away.	Where it is not possible to say how an injury happened, the safety plan should still consider the risk of abusive head trauma.\nMaternal alcohol misuse in the first year needs a joined-up response from midwifery, health visiting and the GP.	Partners to agree a pathway for infants with unexplained injuries.\nThe ambulance service to share safeguarding referrals with the health visiting service within 24 hours.	2	{"head injury",unexplained,"maternal alcohol use"}
\.

--
-- Data for Name: review_status_log; Type: TABLE DATA; Schema: public; Owner: analyst
--

COPY public.review_status_log (log_id, logged_at, note) FROM stdin;
1	2024-03-01 09:12:00	Register migrated from spreadsheet v7.
2	2024-03-04 14:40:00	Row 104 recs_total checked against published report.
3	2024-03-11 10:05:00	Rapid review notification RR-24-02 logged; no decision yet on whether to hold a review.
\.

--
-- PostgreSQL database dump complete
--
