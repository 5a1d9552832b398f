filedesc://LSCB-20100316101500-00003-crawler01.arc 0.0.0.0 20100316101500 text/plain 1308
1 1 InternetArchive
URL IP-address Archive-date Content-type Archive-length
<?xml version="1.0" encoding="UTF-8"?>
<arcmetadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:arc="http://archive.org/arc/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://archive.org/arc/1.0/" xsi:schemaLocation="http://archive.org/arc/1.0/ http://www.archive.org/arc/1.0/arc.xsd">
<arc:software>Heritrix 1.14.3 http://crawler.archive.org</arc:software>
<arc:hostname>crawler01.example.org</arc:hostname>
<arc:ip>192.0.2.5</arc:ip>
<dcterms:isPartOf xmlns:dcterms="http://purl.org/dc/terms/">lscb-sites-2010</dcterms:isPartOf>
<dc:description>Selective crawl of local safeguarding children board sites, March 2010</dc:description>
<arc:operator>Web archive team</arc:operator>
<ns0:date xmlns:ns0="http://purl.org/dc/elements/1.1/" xsi:type="dcterms:W3CDTF">2010-03-16T10:15:00+00:00</ns0:date>
<arc:http-header-user-agent>Mozilla/5.0 (compatible; heritrix/1.14.3 +http://www.example.org/webarchive)</arc:http-header-user-agent>
<arc:http-header-from>webarchive@example.org</arc:http-header-from>
<arc:robots>classic</arc:robots>
<dc:format>ARC file version 1.1</dc:format>
<dc:conformsTo xsi:type="dcterms:URI">http://www.archive.org/web/researcher/ArcFileFormat.php</dc:conformsTo>
</arcmetadata>

dns:www.example-warringtonlscb.org.uk 192.0.2.1 20100316101501 text/dns 71
20100316101500
www.example-warringtonlscb.org.uk.	3600	IN	A	192.0.2.87

http://www.example-warringtonlscb.org.uk/robots.txt 192.0.2.87 20100316101502 text/plain 317
HTTP/1.1 200 OK
Date: Tue, 16 Mar 2010 10:15:02 GMT
Server: Apache/2.2.3 (CentOS)
Last-Modified: Mon, 05 Jan 2009 09:00:00 GMT
ETag: "2c81f-37-47a1b2c0"
Accept-Ranges: bytes
Content-Length: 55
Connection: close
Content-Type: text/plain; charset=UTF-8

User-agent: *
Disallow: /admin/
Disallow: /cgi-bin/

http://www.example-warringtonlscb.org.uk/scr.html 192.0.2.87 20100316101505 text/html 4268
HTTP/1.1 200 OK
Date: Tue, 16 Mar 2010 10:15:05 GMT
Server: Apache/2.2.3 (CentOS)
Last-Modified: Fri, 18 Dec 2009 14:22:51 GMT
ETag: "2c81f-f9f-47a1b2c0"
Accept-Ranges: bytes
Content-Length: 3999
Connection: close
Content-Type: text/html; charset=iso-8859-1

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />
<title>Serious Case Reviews - Warrington Safeguarding Children Board</title>
<link rel="stylesheet" type="text/css" href="/css/lscb.css" />
<script type="text/javascript" src="/js/menu.js"></script>
</head>
<body>
<div id="wrapper">
<div id="header"><a href="/index.html"><img src="/images/lscb_logo.gif" alt="Warrington Safeguarding Children Board" width="320" height="72" border="0" /></a></div>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr>
<td id="leftnav" width="180" valign="top">
<ul>
<li><a href="/index.html">Home</a></li>
<li><a href="/about.html">About the Board</a></li>
<li><a href="/procedures.html">Procedures</a></li>
<li class="current"><a href="/scr.html">Serious Case Reviews</a></li>
<li><a href="/training.html">Training</a></li>
<li><a href="/contact.html">Contact us</a></li>
</ul>
</td>
<td id="content" valign="top">
<h1>Serious Case Reviews</h1>
<p>Under Chapter 8 of <i>Working Together to Safeguard Children</i> (2006) the Board must undertake a Serious Case Review when a child dies, or is seriously harmed, and abuse or neglect is known or suspected to be a factor. We publish the executive summary of each review below. Full reports are not published.</p>

<h3>Serious Case Review &ndash; Child H</h3>
<p class="date">Executive summary published March 2009</p>
<p>Child H was a boy aged two years and five months when he died in August 2008 from head injuries inflicted by his mother&#39;s boyfriend, who was later convicted of manslaughter. The boyfriend had moved into the family home in the spring of 2008; social workers never met him and did not know that he had convictions for violence in another area. H&#39;s mother had a long history of heroin use and was prescribed methadone by the community drug service. H had been subject to a child protection plan under the category of neglect until January 2008, when the plan was ended because his mother was engaging well.</p>
<p><b>Lessons:</b> agencies focused on the mother&#39;s progress in treatment and lost sight of H, and no-one asked who else was living in the house.</p>
<p>The Board has accepted all 17 recommendations. Key recommendations include:</p>
<ul>
<li>Children&#39;s social care to check the identity and history of any new adult in the household before a plan is ended.</li>
<li>The drug service to share changes in a parent&#39;s circumstances with the allocated social worker.</li>
<li>Cheshire Constabulary to ensure previous convictions held by other forces are shared with partner agencies.</li>
</ul>
<p><a href="/docs/SCR_ChildH_ExecSummary.pdf">Download the executive summary (PDF, 212kb)</a></p>

<h3>Serious Case Review &ndash; Child L</h3>
<p class="date">Executive summary published December 2009</p>
<p>Child L, a 15-year-old girl, was admitted to Warrington Hospital in January 2009 after taking an overdose of paracetamol. She recovered. When she was eleven L had disclosed sexual abuse by her stepfather, who was imprisoned. She had been treated by CAMHS for an eating disorder since 2007. Her mother&#39;s first language is Polish and an interpreter was used at only one of the six child protection conferences.</p>
<p><b>Lessons:</b></p>
<ul>
<li>L&#39;s own views were rarely recorded.</li>
<li>Professionals relied on L to interpret for her mother.</li>
</ul>
<p>The report contains 9 recommendations for local agencies, which the Board is monitoring.</p>
<p><a href="/docs/SCR_ChildL_ExecSummary.pdf">Download the executive summary (PDF, 187kb)</a></p>
</td>
</tr>
</table>
<div id="footer">&copy; Warrington Safeguarding Children Board 2010 | <a href="/accessibility.html">Accessibility</a></div>
</div>
</body>
</html>

http://www.example-warringtonlscb.org.uk/training.html 192.0.2.87 20100316101509 text/html 1209
HTTP/1.1 200 OK
Date: Tue, 16 Mar 2010 10:15:09 GMT
Server: Apache/2.2.3 (CentOS)
Last-Modified: Wed, 10 Mar 2010 11:02:40 GMT
ETag: "2c81f-3ad-47a1b2c0"
Accept-Ranges: bytes
Content-Length: 941
Connection: close
Content-Type: text/html; charset=iso-8859-1

<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1" />
<title>Training - Warrington Safeguarding Children Board</title>
</head>
<body>
<div id="wrapper">
<td id="content" valign="top">
<h1>Multi-agency training 2010</h1>
<p>In 2009 the Board trained 1,146 practitioners; 94% of evaluations rated courses good or excellent.</p>
<table border="1" cellpadding="4">
<tr><th>Course</th><th>Date</th><th>Places</th></tr>
<tr><td>Learning from Serious Case Reviews (half day)</td><td>22 April 2010</td><td>30</td></tr>
<tr><td>Working with hidden men</td><td>13 May 2010</td><td>25</td></tr>
<tr><td>Neglect: recognising the signs</td><td>9 June 2010</td><td>30</td></tr>
</table>
</td>
</div>
</body>
</html>

