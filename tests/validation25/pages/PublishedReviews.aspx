<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<!-- saved from url=(0079)https://safeguarding.stockton.example.org.uk/Pages/Reviews/PublishedReviews.aspx -->
<html dir="ltr" lang="en-GB" xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="GENERATOR" content="Microsoft SharePoint"><meta http-equiv="X-UA-Compatible" content="IE=10"><meta http-equiv="Expires" content="0"><meta name="msapplication-TileImage" content="/_layouts/15/images/SharePointMetroAppTile.png"><meta name="msapplication-TileColor" content="#0072C6"><title>
	Published reviews
</title><link rel="shortcut icon" href="https://safeguarding.stockton.example.org.uk/_layouts/15/images/favicon.ico?rev=23" type="image/vnd.microsoft.icon" id="favicon"><link rel="stylesheet" type="text/css" href="./PublishedReviews_files/corev15.css">
<link rel="stylesheet" type="text/css" href="./PublishedReviews_files/partnership.css">
<script type="text/javascript" src="./PublishedReviews_files/init.js"></script>
<script type="text/javascript">
// <![CDATA[
var _fV4UI=true;var _spPageContextInfo={webServerRelativeUrl:"\u002fPages",webAbsoluteUrl:"https:\u002f\u002fsafeguarding.stockton.example.org.uk",siteAbsoluteUrl:"https:\u002f\u002fsafeguarding.stockton.example.org.uk",serverRequestPath:"\u002fPages\u002fReviews\u002fPublishedReviews.aspx",layoutsUrl:"_layouts\u002f15",webTitle:"Stockton-on-Tees Safeguarding Children Partnership",webTemplate:"53",tenantAppVersion:"0",isAppWeb:false,webLogoUrl:"\u002fSiteAssets\u002fscp-logo.png",webLanguage:1033,currentLanguage:1033,currentUICultureName:"en-GB",currentCultureName:"en-GB",env:null,nid:0,fid:0,serverTime:"2024-05-21T09:14:07.4413350Z",siteClientTag:"312$$15.0.5589.1000",crossDomainPhotosEnabled:false,webUIVersion:15,pageListId:"{7c1e9b3a-5d2f-4e80-9a61-0b3f2d4c8e17}",pageItemId:41,pagePersonalizationScope:1,alertsEnabled:true,siteServerRelativeUrl:"\u002f",allowSilverlightPrompt:'True'};
// ]]>
</script>
</head>
<body scroll="yes" onload="if (typeof(_spBodyOnLoadWrapper) != &#39;undefined&#39;) _spBodyOnLoadWrapper();">
<div id="imgPrefetch" style="display:none"><img src="./PublishedReviews_files/spcommon.png?rev=23"></div>
<form method="post" action="./PublishedReviews.aspx" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="_wpcmWpid" id="_wpcmWpid" value="">
<input type="hidden" name="wpcmVal" id="wpcmVal" value="">
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="">
<input type="hidden" name="MSOTlPn_SelectedWpId" id="MSOTlPn_SelectedWpId" value="">
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x6E0B2A81D0C94F7B1A3E55C2D97F0E4B8C1A6D3F20E9B7C45A81F6D2E0C39B7A4F18E62D5C0B93A7E1F4D8C26B0A95E3,21 May 2024 09:14:07 -0000">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAgIBDxYCHhNQcmV2aW91c0NvbnRyb2xNb2RlCymIAU1pY3Jvc29mdC5TaGFyZVBvaW50LldlYkNvbnRyb2xzLlNQQ29udHJvbE1vZGUsIE1pY3Jvc29mdC5TaGFyZVBvaW50LCBWZXJzaW9uPTE1LjAuMC4wLCBDdWx0dXJlPW5ldXRyYWwsIFB1YmxpY0tleVRva2VuPTcxZTliY2UxMTFlOTQyOWMBZAIDD2QWDAIBD2QWBAUmZ19lNTk2YTZiN18xZjBiXzQ3NjVfOGQzZV9kNmYwNWE5NDNjZjQPZBYCZg9kFgJmDxYCHgdWaXNpYmxlaGQCBw9kFgICAw9kFgJmD2QWBGYPZBYCAgEPFgIfAWhkAgIPFgIfAWhkAg0PZBYCAgEPZBYCAgEPZBYCZg88KwAFAQAPFgIeFV9FZGl0TWVudUxvYWRlZEZvclJvb3QPZBYCZg9kFgJmDxQrAANkZGRkAg8PZBYCAgEPZBYCZg9kFgICAQ8WAh8BaGQYAQUeX19Db250cm9sc1JlcXVpcmVQb3N0QmFja0tleV9fFgEFMmN0bDAwJFBsYWNlSG9sZGVyU2VhcmNoQXJlYSRjdGwwMSRjdGwwMCRDaGVja0JveDE=">
</div>
<div id="s4-workspace">
<div id="s4-bodyContainer">
<div class="scp-topbar" role="banner">
<a href="https://safeguarding.stockton.example.org.uk/"><img src="./PublishedReviews_files/scp-logo.png" alt="Stockton-on-Tees Safeguarding Children Partnership"></a>
<ul class="scp-topnav">
<li><a href="https://safeguarding.stockton.example.org.uk/Pages/Concerned.aspx">Concerned about a child?</a></li>
<li><a href="https://safeguarding.stockton.example.org.uk/Pages/Professionals.aspx">Professionals</a></li>
<li><a href="https://safeguarding.stockton.example.org.uk/Pages/Training.aspx">Training</a></li>
<li class="selected"><a href="https://safeguarding.stockton.example.org.uk/Pages/Reviews/Default.aspx">Learning from reviews</a></li>
</ul>
<div id="ctl00_PlaceHolderSearchArea_ctl01_SearchBox" class="ms-srch-sb ms-srch-sb-border"><input name="ctl00$PlaceHolderSearchArea$ctl01$ctl00" type="text" value="Search this site..." maxlength="2048" accesskey="S" title="Search this site..." id="ctl00_PlaceHolderSearchArea_ctl01_ctl00" class="ms-textSmall ms-srch-sb-prompt ms-helperText"></div>
</div>
<div class="scp-breadcrumb"><span id="ctl00_PlaceHolderTitleBreadcrumb_siteMapPath"><span><a href="https://safeguarding.stockton.example.org.uk/">Home</a></span><span> &gt; </span><span><a href="https://safeguarding.stockton.example.org.uk/Pages/Reviews/Default.aspx">Learning from reviews</a></span><span> &gt; </span><span>Published reviews</span></span></div>
<div id="contentBox" aria-live="polite" aria-relevant="all">
<div id="DeltaPlaceHolderMain">
<a name="mainContent" tabindex="-1"></a>
<div class="article article-body">
<div class="article-header"><div class="ms-rtestate-field"><h1 class="ms-rteElement-H1">Published reviews</h1></div></div>
<div class="article-content">
<div id="ctl00_PlaceHolderMain_ctl01__ControlWrapper_RichHtmlField" class="ms-rtestate-field" style="display:inline" aria-labelledby="ctl00_PlaceHolderMain_ctl01_label"><p>The Partnership publishes the reviews it commissions so that everyone who works with children in Stockton-on-Tees can learn from them.&#160;Each summary below was agreed with the family where they wished to be involved. Names are pseudonyms.</p>
<p>&#8203;</p>
<h2 class="ms-rteElement-H2">Child A – Local Child Safeguarding Practice Review (published March 2023)</h2>
<p>Child A was 14 months old when he was bitten on the face and neck by a dog in the family home in the summer of 2021. The dog, a large bull-breed cross, belonged to his mother's new partner, who had moved into the house with it about three weeks earlier. Paramedics took Child A to hospital, where he needed several operations. He survived and lives with his maternal grandmother.</p>
<p>The health visitor had seen the family at a routine review shortly before the partner moved in and there was no dog in the house then. The housing association had received a neighbour's complaint that the dog was kept on a balcony and had lunged at a child on the stairs; this was logged as a tenancy matter and not shared. Police had seized a different dog from the partner two years earlier.&#160;No one knew this when he joined the household.</p>
<p><strong>What we learned</strong></p>
<ul><li>Practitioners should ask who lives in, and who regularly visits, a home, and that includes animals.</li>
<li>A complaint about a dangerous dog where a baby or toddler lives is a safeguarding matter and not just a tenancy issue.</li>
<li>Information held by police about a dangerous dog needs to reach the agencies working with the child.</li></ul>
<p><strong>Recommendations</strong></p>
<ol><li>The Partnership will publish a dog safety leaflet for health visitors to use at every contact where there is a dog in the home.</li>
<li>Housing providers should include dog-related complaints in their safeguarding referral criteria.</li>
<li>Police will share information about seized or dangerous dogs with children's social care when a child lives in the household.</li>
<li>The ambulance service and hospital will report dog bites to children under five to the local authority.</li></ol>
<p><a href="https://safeguarding.stockton.example.org.uk/Documents/Child-A-LCSPR.pdf">Child A full report (PDF, 612KB)</a></p>
<p>&#8203;</p>
<h2 class="ms-rteElement-H2">Baby L – Serious Case Review (published 2018)</h2>
<p>This review was commissioned by the former Local Safeguarding Children Board. Baby L was seven weeks old when she was taken to hospital in the spring of 2016 with a swollen leg. A skeletal survey found fractures to her ribs and legs of different ages. In care proceedings the court found that the injuries had been inflicted by her father.</p>
<p>Her mother was 17 and had been in foster care for most of her own childhood. A midwife noticed a small bruise on Baby L's ear when she was three weeks old; the mother said it had been caused by a blanket and the explanation was accepted. The father was rarely at appointments. The GP, midwife and health visitor did not know his name or whether he lived at the address, and he was never seen by children's social care during a pre-birth assessment that concentrated on the mother as a care leaver.</p>
<p><strong>Learning</strong></p>
<p>Any bruise on a baby who is not yet rolling or crawling must be treated as a possible sign of abuse and referred, whatever explanation is offered, and professionals must find out about and assess every man who has care of a baby, not only the mother.</p>
<p>The review made nine recommendations, which are set out in the full report.</p>
<p><a href="https://safeguarding.stockton.example.org.uk/Documents/Baby-L-SCR-overview.pdf">Baby L overview report (PDF, 1.1MB)</a></p>
<p>&#8203;</p>
<h2 class="ms-rteElement-H2">Ellie and Jack – Multi-agency learning review (published November 2022)</h2>
<p>Ellie (six) and her brother Jack (four) came to the attention of the Partnership after Jack needed eight teeth removed under general anaesthetic. A rapid review found that the criteria for a local child safeguarding practice review were not met, and the Partnership commissioned a multi-agency learning review instead.</p>
<p>For more than two years both children had been arriving at school and nursery hungry and in unwashed clothes, and Ellie had head lice that were never treated. The family had been evicted from a privately rented house and spent 14 months in temporary accommodation. Their mother was being treated by her GP with antidepressants. Her partner, who was not the children's father, lived with the family and was drinking heavily every day; school staff often smelt alcohol on him at collection. Dental appointments were missed repeatedly. Early help closed the case twice when the mother said things had improved.</p>
<p><strong>What the review found</strong></p>
<ul><li>Each agency saw part of the picture, but no one brought together the school, dental and housing information.</li>
<li>Early help closure decisions relied on what the mother said rather than on change in the children's lives.</li>
<li>The impact of the partner's drinking on the children was not assessed.</li>
<li>Teeth that needed removing were a late sign of care that had been missing for a long time.</li></ul>
<p>The review recommends that schools, the 0-19 service and children's social care use the Graded Care Profile together whenever there are repeated concerns about a child's physical care.</p>
<p>&#8203;</p>
<h2 class="ms-rteElement-H2">Reviews in progress</h2>
<p>Two local child safeguarding practice reviews are underway (Child F and Children M and N). Summaries will be published here when the reports are finished.</p>
<h2 class="ms-rteElement-H2">Rapid reviews in 2023-24</h2>
<p>The Partnership completed six rapid reviews in 2023-24. Two went on to become local child safeguarding practice reviews; the learning from the other four was taken forward through our training programme.</p>
</div>
</div>
</div>
<div class="article-footer"><div class="ms-rtestate-field">Page last updated: 21/05/2024</div></div>
</div>
</div>
<div class="scp-footer" role="contentinfo"><p>© Stockton-on-Tees Safeguarding Children Partnership | <a href="https://safeguarding.stockton.example.org.uk/Pages/Accessibility.aspx">Accessibility</a> | <a href="https://safeguarding.stockton.example.org.uk/Pages/Privacy.aspx">Privacy and cookies</a></p></div>
</div>
</div>
<div class="aspNetHidden">
	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="BAB98CB3">
</div>
<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;window.SPThemeUtils && SPThemeUtils.RegisterCssReferences([]);
var g_clientIdDeltaPlaceHolderMain = "DeltaPlaceHolderMain";
//]]>
</script>
</form>
</body></html>
