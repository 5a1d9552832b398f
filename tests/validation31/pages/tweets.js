window.YTD.tweets.part0 = [
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000628374"
          ],
          "editableUntil" : "2024-03-21T15:45:30.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Lm8Tr2Wq0c",
            "expanded_url" : "https://www.example-cavrsb.wales/training/neglect-toolkit",
            "display_url" : "www.example-cavrsb.wales/t…",
            "indices" : [
              "156",
              "179"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "179"
      ],
      "favorite_count" : "3",
      "id_str" : "1768021000000628374",
      "truncated" : false,
      "retweet_count" : "4",
      "id" : "1768021000000628374",
      "created_at" : "Thu Mar 21 14:45:30 +0000 2024",
      "favorited" : false,
      "full_text" : "Places still available on our Neglect Toolkit training, 16 April 2024, 9.30–12.30, online. Open to all practitioners in Cardiff &amp; the Vale. Book here 👉 https://t.co/Lm8Tr2Wq0c",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000523645"
          ],
          "editableUntil" : "2024-03-14T10:12:44.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : false
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [
          {
            "name" : "Example Stats Wales",
            "screen_name" : "ExampleStatsWales",
            "indices" : [
              "3",
              "21"
            ],
            "id_str" : "2218776001",
            "id" : "2218776001"
          }
        ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "173"
      ],
      "favorite_count" : "0",
      "id_str" : "1768021000000523645",
      "truncated" : false,
      "retweet_count" : "0",
      "id" : "1768021000000523645",
      "created_at" : "Thu Mar 14 09:12:44 +0000 2024",
      "favorited" : false,
      "full_text" : "RT @ExampleStatsWales: Children on child protection registers in Wales at 31 March 2023: 2,760, a fall of 4% on the previous year. Neglect remained the most common category…",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000418916"
          ],
          "editableUntil" : "2024-03-13T12:30:05.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [
          {
            "text" : "BruisingProtocol",
            "indices" : [
              "102",
              "119"
            ]
          }
        ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "309"
      ],
      "favorite_count" : "14",
      "id_str" : "1768021000000418916",
      "truncated" : false,
      "retweet_count" : "11",
      "id" : "1768021000000418916",
      "created_at" : "Wed Mar 13 11:30:05 +0000 2024",
      "favorited" : false,
      "full_text" : "Five years on, the Vale of Glamorgan extended Child Practice Review on Baby O (2019) still shapes our #BruisingProtocol. O was 3 months old. A small bruise on his ear had been seen by two professionals before he was admitted with fractures. Its lesson holds: never dismiss a bruise on a baby who cannot crawl.",
      "lang" : "en"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000314187"
          ],
          "editableUntil" : "2024-03-13T11:04:52.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [
          {
            "url" : "https://t.co/Qx3vP1kL9a",
            "expanded_url" : "https://www.example-cavrsb.wales/cpr-1-2024",
            "display_url" : "www.example-cavrsb.wales/c…",
            "indices" : [
              "107",
              "130"
            ]
          }
        ]
      },
      "display_text_range" : [
        "0",
        "134"
      ],
      "favorite_count" : "4",
      "id_str" : "1768021000000314187",
      "in_reply_to_status_id_str" : "1768021000000209458",
      "in_reply_to_user_id" : "1190245117",
      "truncated" : false,
      "retweet_count" : "2",
      "id" : "1768021000000314187",
      "created_at" : "Wed Mar 13 10:04:52 +0000 2024",
      "favorited" : false,
      "full_text" : "The review makes 4 recommendations to the Board &amp; partner agencies. Full report in English and Welsh 👇 https://t.co/Qx3vP1kL9a 3/3",
      "lang" : "en",
      "in_reply_to_screen_name" : "CaVRSB_example",
      "in_reply_to_user_id_str" : "1190245117"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000209458"
          ],
          "editableUntil" : "2024-03-13T11:03:40.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "281"
      ],
      "favorite_count" : "5",
      "id_str" : "1768021000000209458",
      "in_reply_to_status_id_str" : "1768021000000104729",
      "in_reply_to_user_id" : "1190245117",
      "truncated" : false,
      "retweet_count" : "3",
      "id" : "1768021000000209458",
      "created_at" : "Wed Mar 13 10:03:40 +0000 2024",
      "favorited" : false,
      "full_text" : "The review found that N’s health needs were neglected at home &amp; that his school did not know how unwell he was. Learning:\n▶️ say ‘was not brought’, not ‘did not attend’\n▶️ a named school contact for every child with a long-term condition\n▶️ share missed clinics with the GP 2/3",
      "lang" : "en",
      "in_reply_to_screen_name" : "CaVRSB_example",
      "in_reply_to_user_id_str" : "1190245117"
    }
  },
  {
    "tweet" : {
      "edit_info" : {
        "initial" : {
          "editTweetIds" : [
            "1768021000000104729"
          ],
          "editableUntil" : "2024-03-13T11:02:11.000Z",
          "editsRemaining" : "5",
          "isEditEligible" : true
        }
      },
      "retweeted" : false,
      "source" : "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>",
      "entities" : {
        "hashtags" : [ ],
        "symbols" : [ ],
        "user_mentions" : [ ],
        "urls" : [ ]
      },
      "display_text_range" : [
        "0",
        "271"
      ],
      "favorite_count" : "9",
      "id_str" : "1768021000000104729",
      "truncated" : false,
      "retweet_count" : "6",
      "id" : "1768021000000104729",
      "created_at" : "Wed Mar 13 10:02:11 +0000 2024",
      "favorited" : false,
      "full_text" : "Today we publish Concise Child Practice Review CVRSB 1/2024 – Child N. N, an 11-year-old boy living in Cardiff with type 1 diabetes, was admitted to intensive care in January 2023. In the months before, six clinic appointments were missed and letters went unanswered 🧵1/3",
      "lang" : "en"
    }
  }
]