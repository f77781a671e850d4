#!/usr/bin/env python3
"""Writes data-samples/: three days of realistic dumps in the real Twitter API v1.1 status format.

Every text is ours (written for plusk). Deterministic: the same seed gives the same files, so tests can rely on
them. Run from the repository root: python3 scripts/dev/generate_samples.py
"""
import datetime as dt
import gzip
import json
import os
import random
import shutil

SEED = 20261125
DAYS = ["2026-11-23", "2026-11-24", "2026-11-25"]
OUT = "data-samples"
TWITTER_EPOCH_MS = 1288834974657

# screen_name, display name, country, persona key, followers
USERS = [
    ("jenna_twinmama", "Jenna | mom of twins", "US", "twinmom", 1840),
    ("mn_dugout_dan", "Dan Halvorsen", "US", "twinsfan", 5210),
    ("northstar_nine", "Kari Lind", "US", "twinsfan2", 930),
    ("vino_veritas", "Claire Dubois", "FR", "wine", 12400),
    ("cellar_notes", "Marco Ricci", "IT", "wine2", 3300),
    ("pourover_pete", "Pete Okafor", "GB", "coffee", 2100),
    ("pandas_and_pipes", "Ravi Menon", "IN", "python", 8800),
    ("snek_devops", "Lena Schultz", "DE", "python2", 1500),
    ("cupertino_watch", "Sam Park", "US", "appleinc", 25100),
    ("orchard_ella", "Ella Brandt", "US", "applefruit", 760),
    ("fast_cat_garage", "Tom Reeves", "GB", "jaguarcar", 4300),
    ("wild_lens_ana", "Ana Souza", "BR", "jaguaranimal", 15600),
    ("innermost_orbit", "Dr. Priya Shah", "US", "astronomy", 9100),
    ("windy_city_hoops", "Marcus Bell", "US", "bulls", 6700),
    ("heat_check_305", "Luis Ortega", "US", "heat", 5400),
    ("storm_chaser_kim", "Kim Nguyen", "US", "weather", 3900),
    ("orange_and_black", "Will Chen", "US", "sfgiants", 2800),
    ("big_blue_bea", "Bea Santoro", "US", "nygiants", 2600),
    ("el_clasico_diego", "Diego Ramos", "ES", "soccer", 7300),
    ("mat_and_breath", "Yuki Tanaka", "JP", "yoga", 2200),
    ("tempo_tuesday", "Grace Mwangi", "KE", "running", 3100),
    ("crumb_and_crust", "Hannah Cole", "US", "baking", 4800),
    ("raised_beds_rob", "Rob Flanagan", "IE", "gardening", 1300),
    ("gradient_gwen", "Gwen Li", "CA", "ml", 11200),
    ("ticker_tara", "Tara Singh", "US", "stocks", 9900),
    ("carry_on_only", "Noah Fischer", "DE", "travel", 4100),
    ("golden_hour_jo", "Jo Martins", "PT", "photo", 6600),
    ("eras_era_emma", "Emma Wright", "US", "swift", 3700),
    ("jedi_council_kev", "Kevin Moore", "US", "starwars", 2900),
    ("ballot_box_bo", "Bo Anderson", "US", "politics", 5800),
    ("pixel_quest_ivy", "Ivy Huang", "TW", "gaming", 8100),
    ("sole_collector", "Andre Jackson", "US", "sneakers", 4400),
    ("trail_mix_max", "Max Berg", "NO", "hiking", 2300),
    ("good_boy_gus", "Olivia Hart", "AU", "dogs", 5100),
    ("hoppy_hour_hal", "Hal Peterson", "US", "beer", 1900),
    ("daily_sports_desk", "The Daily Sports Desk", "US", "sportsdesk", 48000),
]

TEMPLATES = {
    "twinmom": [
        "The twins finally slept through the night! Six hours straight, I feel human again",
        "Two cribs, two bottles, one very tired mama. Twin life is no joke #twinmom",
        "Daycare tour today for the twins, so many questions about nap schedules",
        "Teething twins at 3am and both want mama at the same time",
        "Our twin girls giggled at each other for ten minutes this morning, my heart",
        "Any tips for feeding twins at the same time? Bottle tricks very welcome",
        "Shopping for a double stroller with the twins, why are these so expensive",
        "The twins' first birthday is on Saturday, two cakes obviously #twinlife",
        "Pediatrician says the twins are growing right on track, such a relief",
        "Bedtime routine with twin toddlers: bath, books, bottles, repeat",
    ],
    "twinsfan": [
        "Twins walk-off in the 9th! Target Field was rocking tonight #MNTwins",
        "Twins bullpen blew another lead in the 8th inning, we need a real closer",
        "Buxton homer in the 5th and the Twins are up 4-2 on the Guardians",
        "Great pitching from the Twins starter tonight, nine strikeouts through seven innings",
        "Twins trade rumors: the shortstop market is heating up before spring training",
        "Rewatching last night's Twins game, that double play in the 6th was beautiful #MNTwins",
        "Minnesota Twins lineup for tonight looks strong, Correa back at shortstop",
        "The Twins need another starter before the season, the rotation is thin",
        "Twins fans, who is your pick for the bullpen MVP this season?",
        "Cold night at Target Field but the Twins beat the Royals 6-3",
    ],
    "twinsfan2": [
        "Twins rally in the 7th inning with three runs, what a baseball game",
        "Heading to Target Field for the Twins game with my dad #MNTwins",
        "The Twins pitcher was dealing tonight, ten strikeouts",
        "Loving the Minnesota Twins young core, the future looks bright",
    ],
    "wine": [
        "Opened a 2015 Bordeaux tonight, the vintage really shows in the glass",
        "Pinot Noir from Burgundy with roast chicken, a classic pairing #wine",
        "Visiting small vineyards this week, the grape harvest was early this year",
        "A great Chardonnay needs acidity as much as oak, tasting notes to follow",
        "Cellar tip: store your wine bottles on their side, away from light",
        "Blind tasting with friends tonight: two Cabernet Sauvignon, one Merlot #winelover",
        "Napa Valley Cabernet versus Bordeaux, the eternal debate at our tasting table",
        "This Riesling has beautiful acidity, perfect with spicy food",
    ],
    "wine2": [
        "Sommelier tip: decant young red wine for an hour before you pour",
        "Our winery tour in Tuscany ended with a tasting of ten wines #wine",
        "Chianti and pasta, the simplest wine pairing there is",
        "The vineyard looks golden after the harvest, next vintage is in the barrels",
    ],
    "coffee": [
        "Dialing in a new espresso roast this morning, 18 grams in, 36 out #coffee",
        "Pour-over with a washed Ethiopian bean, bright and floral",
        "Latte art practice continues, today a slightly wonky tulip",
        "A good barista weighs everything, coffee is chemistry",
        "Cold brew season might be over but not in this cafe",
    ],
    "python": [
        "Refactoring a Python script to use pandas dataframes instead of loops, ten times faster",
        "Python 3.13 removes the GIL as an option, huge for data pipelines #python",
        "Tip: use pytest fixtures to share setup between Python tests",
        "Jupyter notebook to production Python package: my checklist in a thread",
        "numpy broadcasting finally clicked for me today, Python is great for data",
        "Wrote a tiny Django app this weekend to track my reading list",
    ],
    "python2": [
        "Our Python deployment scripts now use poetry, no more pip install chaos",
        "Debugging a Python import error for an hour, it was a circular module import",
        "Type hints in Python make code review so much easier #python",
    ],
    "appleinc": [
        "Apple shares jump after the iPhone keynote, analysts expect strong holiday sales",
        "Apple earnings call tonight: services revenue is the number to watch",
        "The new MacBook with the M4 chip is a big upgrade for developers",
        "Tim Cook says Apple Vision sales are ahead of plan, the stock reacts",
        "iOS update fixes the battery drain on the iPhone 16, finally",
        "WWDC rumors: Apple is expected to announce new AI features in iOS",
        "Apple Watch sales slow as the smartwatch market matures",
    ],
    "applefruit": [
        "Picked a bushel of apples at the orchard today, apple pie tonight",
        "Honeycrisp apples are perfect this week, crisp and juicy",
        "Pressing fresh cider from our orchard apples, the whole barn smells sweet",
        "Caramel apples for the harvest festival, kids loved them",
    ],
    "jaguarcar": [
        "Test drive of the Jaguar F-Type today, that V8 engine sound is addictive",
        "Jaguar is going all electric, curious what that means for the I-Pace successor",
        "Restored a 1968 Jaguar E-type engine this month, the car purrs again",
        "Luxury sedan comparison: Jaguar XF against the BMW 5 series on a long road trip",
    ],
    "jaguaranimal": [
        "A jaguar spotted hunting prey along the river in the Pantanal, incredible wildlife moment",
        "Jaguars are the biggest cats of the Americas, and the rainforest is their home",
        "Camera trap caught a jaguar cub with its mother, conservation works #wildlife",
        "Photographing jaguars at dawn in the Pantanal, the light on their spots is unreal",
    ],
    "astronomy": [
        "Mercury is the innermost planet and its orbit around the sun takes only 88 days",
        "Tonight look west after sunset, Mercury and Venus are close in the sky #astronomy",
        "New telescope images of the Orion nebula are stunning",
        "Why Mercury has almost no atmosphere: a thread on solar wind and the planet's weak gravity",
        "Galaxy clusters bend light, and that tells us where dark matter is",
    ],
    "bulls": [
        "Bulls win in overtime at the United Center, LaVine with 35 points",
        "Chicago Bulls need a real rebound machine, the bench was outplayed again",
        "Bulls beat the Knicks! Great defense in the fourth quarter #Bulls",
        "Bulls trade deadline thoughts: keep the young core, move the vets",
    ],
    "heat": [
        "Heat beat the Celtics behind 30 points from Butler, playoff basketball energy",
        "Miami Heat bench stepped up tonight, Spoelstra is a genius #HeatCulture",
        "Heat need more three point shooting if they want a deep playoff run",
        "Heat win on a buzzer beater in the fourth quarter, Miami goes wild",
    ],
    "weather": [
        "Heat wave warning for the valley, temperatures near 110 degrees this weekend",
        "Thunderstorm line moving east at 40 mph, hail and strong wind possible",
        "Forecast update: first snow of the season expected Thursday night",
        "Humid and hot again today, drink water and check on your neighbors",
    ],
    "sfgiants": [
        "Giants pitcher throws a gem, and a splash hit into the bay at Oracle Park",
        "San Francisco Giants sign a new shortstop, the infield looks solid #SFGiants",
        "Giants beat the Dodgers in extra innings, what a baseball night",
    ],
    "nygiants": [
        "Giants quarterback sacked five times, the offensive line has to improve",
        "New York Giants defense forced three interceptions, big win against the Eagles #NYGiants",
        "Giants need a touchdown in the red zone, field goals will not win this game",
    ],
    "soccer": [
        "What a goal from Barca in the Champions League, the midfield was brilliant",
        "Premier League weekend: Manchester United drop points at Old Trafford again",
        "El Clasico this Saturday, FC Barcelona need a win to stay top of La Liga",
        "The World Cup qualifiers are heating up, great striker form",
    ],
    "yoga": [
        "Morning yoga flow, twenty minutes of sun salutations before work #yoga",
        "Vinyasa class today focused on breath and hip openers",
        "Yoga tip: the mat is not a competition, listen to your body",
    ],
    "running": [
        "Marathon training week 12: 60 miles, long run at easy pace #running",
        "New half marathon PR this morning, negative splits felt great",
        "Tempo run in the rain, the race is in three weeks",
        "Running shoes with 500 miles on them, time for a new pair",
    ],
    "baking": [
        "Sourdough loaf number 40, finally an open crumb #baking",
        "Baking croissants for the weekend, laminated dough takes patience",
        "Apple pie with a lattice crust, the orchard apples made all the difference",
        "Baking tip: weigh your flour, cups lie",
    ],
    "gardening": [
        "Planting garlic in the raised beds before the ground freezes #gardening",
        "Compost is ready, spreading it over the vegetable garden",
        "Last tomato harvest of the year from the garden, green ones will ripen inside",
    ],
    "ml": [
        "Fine-tuning a small transformer on our support tickets, accuracy up 8 points #machinelearning",
        "Machine learning tip: look at your data before you tune the model",
        "Deep learning on tabular data still loses to gradient boosting most of the time",
        "Our data science team moved the feature pipeline to Apache Spark, training sets build in minutes",
        "PyTorch 2 compile gave us a 30 percent speedup on training",
    ],
    "stocks": [
        "Stock market rally continues, the Nasdaq is up 2 percent on rate cut hopes",
        "Bulls are back on Wall Street, the S&P 500 hit a record high #stocks",
        "Earnings season: watch margins, not just revenue",
        "Bear market or correction? Investors are nervous about the Fed",
    ],
    "travel": [
        "Carry-on only for two weeks in Japan, here is my packing list #travel",
        "Airport lounge tip: day passes are often cheaper than a meal at the gate",
        "Kyoto in autumn is the best travel decision I ever made",
        "Hotel points versus airline miles: which should you collect?",
    ],
    "photo": [
        "Golden hour portraits with a 85mm lens, the light did all the work #photography",
        "Street photography in Lisbon, shutter speed 1/500 to freeze the trams",
        "Editing tip: fix the exposure before you touch the colors",
    ],
    "swift": [
        "Taylor Swift added three more Eras Tour dates, the Swifties are ready",
        "New Taylor Swift album on repeat, the bridge on track five is everything",
        "Concert outfit planning for the Eras Tour #TaylorSwift",
    ],
    "starwars": [
        "Rewatching Star Wars in release order with my kids, they love the Jedi",
        "The Mandalorian season finale was the best Star Wars in years",
        "Lightsaber duel rankings: the Kenobi rematch is top three #StarWars",
    ],
    "politics": [
        "Election turnout in the midterms was the highest in decades",
        "Senate committee hearing on the immigration bill runs late tonight",
        "City council votes on the new zoning plan tomorrow, show up and speak",
        "Supreme Court ruling expected this week on the voting rights case",
    ],
    "gaming": [
        "Finally beat the last boss, this video game took me 80 hours #gaming",
        "Nintendo just announced a new console, the controller looks wild",
        "Streaming some esports tonight, the finals are on",
    ],
    "sneakers": [
        "New Air Jordan drop on Saturday, setting my alarm #sneakers",
        "Cleaning my sneakers collection, 40 pairs and counting",
        "Sneakerhead rule: wear your kicks, do not just store them",
    ],
    "hiking": [
        "Summit views from the trail this morning, 1200 meters of climbing #hiking",
        "Yosemite in the snow is magic, quiet trails and empty valleys",
        "Hiking tip: start early and turn around at the planned time",
    ],
    "dogs": [
        "Our golden retriever puppy learned to fetch today, good boy",
        "Dog walk in the rain, the puppy does not care one bit",
        "Vet check went well, the dog is healthy and very spoiled",
    ],
    "beer": [
        "Hazy IPA from the new brewery down the street, very hoppy #craftbeer",
        "Stout season is here, brewing a batch this weekend",
        "Craft beer tasting flight: two lagers, an IPA and a sour",
    ],
    "sportsdesk": [
        "Twins win again: walk-off single in the 10th inning at Target Field",
        "Bulls and Heat both win tonight, a busy NBA evening",
        "Giants quarterback questionable for Sunday with an ankle injury",
        "Premier League table after the weekend: Manchester United slip to 8th",
    ],
}

REPLIES = [
    "Totally agree with this!", "Great take, thanks for sharing", "This is so true", "Couldn't have said it better",
    "Wow, had no idea", "Saving this for later", "Love this", "Haha exactly",
]
QUOTES = ["This!", "Worth reading", "Everyone should see this", "Big if true", "Best thing I read today"]
SPANISH = ["Qué partido tan bueno esta noche", "Me encanta este café por la mañana", "Buenos días a todos"]


class Gen:
    def __init__(self):
        self.rnd = random.Random(SEED)
        self.users = []
        for i, (screen, name, country, persona, followers) in enumerate(USERS):
            uid = str(2900000000 + 7919 * (i + 1) * 101)
            self.users.append(dict(id=uid, screen=screen, name=name, country=country, persona=persona,
                                   followers=followers))
        self.by_persona = {u["persona"]: u for u in self.users}
        self.seq = 0

    def snowflake(self, when):
        self.seq += 1
        ms = int(when.timestamp() * 1000)
        return str(((ms - TWITTER_EPOCH_MS) << 22) | (self.seq % 4096) << 12 | (self.seq * 37 % 4096))

    @staticmethod
    def twitter_time(when):
        return when.strftime("%a %b %d %H:%M:%S +0000 %Y")

    @staticmethod
    def user_obj(u):
        return {"id": int(u["id"]), "id_str": u["id"], "name": u["name"], "screen_name": u["screen"],
                "location": "", "followers_count": u["followers"], "friends_count": 300, "verified": False,
                "lang": None}

    @staticmethod
    def entities(text, mentions):
        tags = []
        pos = 0
        for word in text.split(" "):
            if word.startswith("#") and len(word) > 1:
                tag = word[1:].rstrip(".,!?")
                start = text.find(word, pos)
                tags.append({"text": tag, "indices": [start, start + 1 + len(tag)]})
                pos = start + 1
        ments = []
        for m in mentions:
            start = text.find("@" + m["screen"])
            ments.append({"screen_name": m["screen"], "name": m["name"], "id": int(m["id"]), "id_str": m["id"],
                          "indices": [start, start + 1 + len(m["screen"])]})
        return {"hashtags": tags, "symbols": [], "user_mentions": ments, "urls": []}

    def status(self, u, text, when, lang="en", mentions=(), reply_to=None, retweet_of=None, quote_of=None):
        sid = self.snowflake(when)
        s = {"created_at": self.twitter_time(when), "id": int(sid), "id_str": sid, "text": text,
             "truncated": False, "entities": self.entities(text, list(mentions)),
             "source": "<a href=\"https://example.org\" rel=\"nofollow\">plusk sample</a>",
             "in_reply_to_status_id": None, "in_reply_to_status_id_str": None, "in_reply_to_user_id": None,
             "in_reply_to_user_id_str": None, "in_reply_to_screen_name": None, "user": self.user_obj(u),
             "geo": None, "coordinates": None, "place": None, "is_quote_status": quote_of is not None,
             "retweet_count": 0, "favorite_count": 0, "favorited": False, "retweeted": False, "lang": lang}
        if reply_to is not None:
            s["in_reply_to_status_id"] = reply_to["id"]
            s["in_reply_to_status_id_str"] = reply_to["id_str"]
            s["in_reply_to_user_id"] = reply_to["user"]["id"]
            s["in_reply_to_user_id_str"] = reply_to["user"]["id_str"]
            s["in_reply_to_screen_name"] = reply_to["user"]["screen_name"]
        if retweet_of is not None:
            s["retweeted_status"] = retweet_of
        if quote_of is not None:
            s["quoted_status_id"] = quote_of["id"]
            s["quoted_status_id_str"] = quote_of["id_str"]
            s["quoted_status"] = quote_of
        return s

    def run(self):
        if os.path.isdir(OUT):
            shutil.rmtree(OUT)
        history = []  # originals of earlier days, for replies that look back
        for d_index, day in enumerate(DAYS):
            base = dt.datetime.fromisoformat(day + "T06:00:00+00:00")
            originals, lines = [], []
            for u in self.users:
                templates = TEMPLATES[u["persona"]]
                n = 4 if u["persona"] in ("twinmom", "twinsfan") else self.rnd.choice([2, 3, 3, 4])
                picks = self.rnd.sample(templates, min(n, len(templates)))
                for text in picks:
                    when = base + dt.timedelta(minutes=self.rnd.randrange(0, 14 * 60))
                    s = self.status(u, text, when)
                    originals.append(s)
                    lines.append(s)
                if self.rnd.random() < 0.15:
                    when = base + dt.timedelta(minutes=self.rnd.randrange(0, 14 * 60))
                    lines.append(self.status(u, self.rnd.choice(SPANISH), when, lang="es"))
            events = []
            # Engagement: popular personas get more; some posts get none at all.
            for s in originals:
                author = s["user"]["id_str"]
                persona = next(u["persona"] for u in self.users if u["id"] == author)
                boost = {"twinsfan": 4, "twinmom": 2, "wine": 3, "appleinc": 3, "sportsdesk": 1}.get(persona, 1)
                if self.rnd.random() < 0.25 and persona not in ("twinsfan", "twinmom"):
                    continue
                k = self.rnd.randint(0, 2) + boost
                others = [u for u in self.users if u["id"] != author]
                for actor in self.rnd.sample(others, min(k, len(others))):
                    created = dt.datetime.strptime(s["created_at"], "%a %b %d %H:%M:%S +0000 %Y").replace(
                        tzinfo=dt.timezone.utc)
                    when = created + dt.timedelta(minutes=self.rnd.randrange(5, 180))
                    kind = self.rnd.choices(["retweet", "reply", "quote", "like"], [5, 3, 1, 3])[0]
                    if kind == "retweet":
                        text = "RT @%s: %s" % (s["user"]["screen_name"], s["text"])
                        author_u = next(u for u in self.users if u["id"] == author)
                        lines.append(self.status(actor, text[:140], when, mentions=[author_u], retweet_of=s))
                    elif kind == "reply":
                        text = "@%s %s" % (s["user"]["screen_name"], self.rnd.choice(REPLIES))
                        author_u = next(u for u in self.users if u["id"] == author)
                        lines.append(self.status(actor, text, when, mentions=[author_u], reply_to=s))
                    elif kind == "quote":
                        lines.append(self.status(actor, self.rnd.choice(QUOTES), when, quote_of=s))
                    else:
                        events.append({"type": "like", "actor_id": actor["id"], "post_id": s["id_str"],
                                       "target_user_id": author, "ts": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
            # Replies today to yesterday's posts: engagement that looks back.
            for s in self.rnd.sample(history, min(6, len(history))):
                actor = self.rnd.choice([u for u in self.users if u["id"] != s["user"]["id_str"]])
                author_u = next(u for u in self.users if u["id"] == s["user"]["id_str"])
                when = base + dt.timedelta(hours=self.rnd.randrange(1, 12))
                lines.append(self.status(actor, "@%s %s" % (author_u["screen"], self.rnd.choice(REPLIES)), when,
                                         mentions=[author_u], reply_to=s))
            # Bare @mentions and engagement that did not arrive as tweets.
            for _ in range(12):
                actor, target = self.rnd.sample(self.users, 2)
                when = base + dt.timedelta(hours=self.rnd.randrange(8, 17))
                events.append({"type": "mention", "actor_id": actor["id"], "post_id": "",
                               "target_user_id": target["id"], "ts": when.strftime("%Y-%m-%dT%H:%M:%SZ")})
            fan = self.by_persona["twinsfan"]
            for s in [o for o in originals if o["user"]["id_str"] == fan["id"]][:2]:
                for actor in self.rnd.sample([u for u in self.users if u["id"] != fan["id"]], 3):
                    events.append({"type": "retweet", "actor_id": actor["id"], "post_id": s["id_str"],
                                   "target_user_id": fan["id"], "ts": day + "T23:10:00Z"})
            self.rnd.shuffle(lines)
            raw = [json.dumps(s, ensure_ascii=False) for s in lines]
            raw_events = [json.dumps(e) for e in events]
            if d_index == 1:
                raw.insert(5, raw[4][: len(raw[4]) // 2])  # truncated line
                raw.insert(9, '{"id": 1.8622e18, "text": "float id", "created_at": "Tue Nov 24 10:00:00 +0000 2026", "user": {"id_str": "1"}}')
                raw.insert(14, '{"id_str": "1862200000000000001", "text": "no user at all", "created_at": "Tue Nov 24 10:00:00 +0000 2026"}')
                raw.insert(20, '{"id_str": "1862200000000000002", "text": "bad date", "created_at": "yesterday-ish", "user": {"id_str": "5", "screen_name": "x"}}')
                raw.insert(25, '[{"id_str": "1"}, {"id_str": "2"}]')
                raw_events.insert(3, '{"type": "poke", "actor_id": "1", "post_id": "2", "ts": "2026-11-24T10:00:00Z"}')
                raw_events.insert(7, '{"type": "retweet", "actor_id": "1", "ts": "2026-11-24T10:00:00Z"}')
                raw_events.insert(9, '{"type": "like", "actor_id": "1", "post_id": "2", "ts": "not a time"')
            self.write("tweets", day, raw, gz=(d_index == 1))
            self.write("engagements", day, raw_events)
            self.write("users", day, [json.dumps({"user_id": u["id"], "screen_name": u["screen"],
                                                  "country": u["country"], "lang": "en",
                                                  "followers": u["followers"] + 7 * d_index})
                                      for u in self.users])
            self.write("plusk", day, self.plusk(day, d_index))
            self.write("removals", day, self.removals(day, d_index))
            history = originals

    def plusk(self, day, d_index):
        p = self.by_persona
        out = []

        def k(giver, receiver, topic, hh, mm=0):
            out.append(json.dumps({"giver_id": p[giver]["id"], "receiver_id": p[receiver]["id"], "topic": topic,
                                   "ts": "%sT%02d:%02d:00Z" % (day, hh, mm)}))

        if d_index == 0:
            k("twinsfan2", "twinsfan", "minnesota-twins", 9)
            k("sportsdesk", "twinsfan", "baseball", 10)
            k("wine2", "wine", "wine", 11)
            k("coffee", "wine", "wine", 12)
            k("python2", "python", "python-language", 13)
            k("wine", "wine", "wine", 14)  # self +K: rejected
            k("ml", "python", "machine-learning", 15)  # not (yet) one of his topics
        elif d_index == 1:
            # A giver's 7 +K in one day: the first 5 by time count, the last 2 are over the limit.
            for i, receiver in enumerate(["twinsfan", "wine", "python", "appleinc", "astronomy", "bulls", "heat"]):
                topic = {"twinsfan": "minnesota-twins", "wine": "wine", "python": "python-language",
                         "appleinc": "apple-inc", "astronomy": "astronomy", "bulls": "chicago-bulls",
                         "heat": "miami-heat"}[receiver]
                k("sportsdesk", receiver, topic, 8 + i)
            k("twinsfan2", "twinsfan", "minnesota-twins", 20)  # same giver, receiver, topic within 7 days
            k("travel", "photo", "no-such-topic", 21)
        else:
            k("twinmom", "twinsfan", "Minnesota Twins", 9)  # by display name
            k("appleinc", "ml", "machine-learning", 10)
            k("baking", "applefruit", "apples", 11)
        return out

    def removals(self, day, d_index):
        p = self.by_persona
        if d_index == 0:
            return [json.dumps({"user_id": p["twinsfan"]["id"], "topic": "kansas-city-royals", "action": "remove",
                                "ts": day + "T12:00:00Z"}),
                    json.dumps({"user_id": p["coffee"]["id"], "topic": "food-and-drink", "action": "remove",
                                "ts": day + "T12:30:00Z"})]
        if d_index == 1:
            return [json.dumps({"user_id": p["coffee"]["id"], "topic": "food-and-drink", "action": "restore",
                                "ts": day + "T09:00:00Z"}),
                    '{"user_id": "%s", "topic": "wine", "action": "archive", "ts": "%sT10:00:00Z"}'
                    % (p["wine"]["id"], day)]
        return [json.dumps({"user_id": p["appleinc"]["id"], "topic": "consumer-electronics", "action": "remove",
                            "ts": day + "T08:00:00Z"})]

    def write(self, kind, day, lines, gz=False):
        folder = os.path.join(OUT, kind, "dt=" + day)
        os.makedirs(folder, exist_ok=True)
        data = ("\n".join(lines) + "\n").encode("utf-8")
        if gz:
            with gzip.GzipFile(os.path.join(folder, "part-00000.jsonl.gz"), "wb", mtime=0) as f:
                f.write(data)
        else:
            with open(os.path.join(folder, "part-00000.jsonl"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    Gen().run()
