-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: lip_reviews
-- ------------------------------------------------------
-- Server version	8.0.36
-- Invented test page for casegraph; not a real review. All rows are made-up sample data.

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;

--
-- Table structure for table `review`
--

DROP TABLE IF EXISTS `review`;
CREATE TABLE `review` (
  `id` int NOT NULL AUTO_INCREMENT,
  `pseudonym` varchar(64) NOT NULL,
  `area` varchar(128) DEFAULT NULL,
  `review_type` varchar(64) DEFAULT NULL,
  `published` year DEFAULT NULL,
  `child_age_text` varchar(64) DEFAULT NULL,
  `case_summary` text,
  `learning` text,
  `recommendations` text,
  `rec_total` int DEFAULT NULL,
  `tags` varchar(255) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=4 DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `review`
--

LOCK TABLES `review` WRITE;
/*!40000 ALTER TABLE `review` DISABLE KEYS */;
INSERT INTO `review` VALUES
(1,'Child D','Norfolk','LCSPR',2022,'16 years',
 'D, a 16-year-old boy with a diagnosis of autism, died by suicide at home. He had been on the CAMHS waiting list for fourteen months with anxiety and had stopped attending school. His parents separated when he was 12 and he lived mainly with his mother. No concerns about alcohol, drugs or domestic abuse in either parent\'s home were identified by any agency.',
 '1) Waiting lists are not a safe place: nobody held D\'s risk while he waited.\n2) Autistic young people may not present distress in the way screening tools expect.\n3) Practitioners should ask about parental mental health and substance use as part of every assessment, even where, as here, the answers are reassuring.',
 '1) CAMHS to introduce a \"waiting well\" contact for every young person on the list.\n2) Schools to share attendance concerns with the GP when a pupil is awaiting CAMHS.',
 6,'suicide; autism; CAMHS; school attendance'),
(2,'Twins A and B','Bradford','LCSPR',2021,'3 months',
 'Twin A (a boy) and Twin B (a girl) were 3 months old when Twin A was found to have fractures to both arms and six ribs, which the court found had been inflicted by one of the parents. Twin B had no injuries on skeletal survey. The mother was prescribed antidepressants by her GP six weeks after the twins were born. The father told the health visitor he had used cocaine as a teenager but denied any current use; the review found nothing to suggest otherwise.',
 'Caring for twins is a known stressor, so midwives, health visitors and GPs should talk to both parents about how they are coping and should ask about current, not just past, drug use.',
 'The review makes recommendations that the partnership strengthens its ICON programme for parents of multiple births and that GPs share a new antidepressant prescription in the postnatal period with the health visitor.',
 NULL,'infant; fractures; twins; perinatal mental health'),
(3,'Child Y','Essex','SCR',2018,'12 years',
 'Y, a 12-year-old girl, was sexually abused over eighteen months by a man who lived next door and who became a frequent visitor to the family home. He was not known to Y\'s school or to the social worker who was working with her older brother. He had a history of alcohol misuse and of violence towards former partners. Y\'s mother was not known to misuse alcohol and there was no domestic abuse in Y\'s household.',
 'Adults who are regularly around a child are part of the child\'s world and should be asked about.',
 '',
 3,'sexual abuse; unknown men; neighbour');
/*!40000 ALTER TABLE `review` ENABLE KEYS */;
UNLOCK TABLES;

-- Dump completed on 2024-04-02 10:14:55
