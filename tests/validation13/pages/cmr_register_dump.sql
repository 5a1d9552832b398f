-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: localhost    Database: sbni_learning
-- ------------------------------------------------------
-- Invented test page for casegraph; not a real review. All rows are fictional.
-- Server version	8.0.36

/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET TIME_ZONE='+00:00' */;

--
-- Table structure for table `cmr_register`
--

DROP TABLE IF EXISTS `cmr_register`;
CREATE TABLE `cmr_register` (
  `id` int NOT NULL AUTO_INCREMENT,
  `cmr_ref` varchar(20) NOT NULL,
  `subject` varchar(120) NOT NULL,
  `trust_area` varchar(80) DEFAULT NULL,
  `exec_summary_published` date DEFAULT NULL,
  `summary` text,
  `learning` text,
  `no_of_recs` smallint DEFAULT NULL,
  `status` enum('In progress','Published','Closed') DEFAULT 'In progress',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `cmr_register`
--

LOCK TABLES `cmr_register` WRITE;
INSERT INTO `cmr_register` VALUES
(1,'CMR 03/2019','Child A','Southern HSC Trust','2019-10-02','Child A, a 3-month-old girl, died in March 2018 while sharing a bed with her parents. Her father had been drinking heavily that evening and was known to misuse alcohol. The death was classified as a sudden unexpected death in infancy. Safe sleep advice had been given by the midwife and the health visitor, but not to the father.','Safe sleep advice must be given to both parents | Professionals should ask about alcohol use by every carer, not only the mother',4,'Closed'),
(2,'CMR 07/2020','Child B and Child C','Belfast HSC Trust','2020-12-15','Child B (a girl aged 9) and Child C (her brother, aged 11) lived in overcrowded and damp private rented housing with their mother, who misused prescription drugs and cocaine. Both children had been on the child protection register for neglect some years earlier. When they came to the attention of social services again, the school reported that both were persistently hungry and unkempt; the review found they had experienced chronic neglect. There was no evidence of physical abuse.','Re-referrals should trigger review of the whole history | Schools hold vital information about daily lived experience | Housing conditions should be part of every assessment',6,'Closed'),
(3,'CMR 02/2021','Child D','Northern HSC Trust','2022-03-08','Child D, a 13-year-old boy, disclosed to a teacher that he had been sexually abused over several months by his mother\'s new partner, who stayed at the house most weekends. The partner had never been seen or assessed by social services or the PSNI, although the family had an open family support plan at the time.','Professionals should routinely ask who else spends time in the home',3,'Published'),
(4,'CMR 05/2022','Baby E','Western HSC Trust','2023-06-20','Baby E, a 5-week-old boy, was admitted to hospital in January 2022 with a bleed on the brain and retinal haemorrhages. Doctors concluded that he had been violently shaken, and his father later admitted causing the injuries. The father had previous convictions for assault, and the PSNI had attended three reports of domestic abuse by him against Baby E\'s mother during the pregnancy. The midwife had not been told of these incidents. Baby E survived with lasting brain injury.','Domestic abuse notifications in pregnancy must reach midwifery | Risk from a parent\'s violent offending should be assessed before birth',NULL,'Published'),
(5,'CMR 01/2024','[not yet allocated]','South Eastern HSC Trust',NULL,NULL,NULL,NULL,'In progress');
UNLOCK TABLES;

-- Dump completed on 2024-04-18 11:02:47
