"""The fixture cases: for each constraint of the DJO shapes, a patch of the clean base that breaks
it and the exact results expected on the focus nodes (``severity focus path component shape``).

Mechanical property constraints (minCount, maxCount, class, datatype, nodeKind, minLength, in,
hasValue) are also covered by generated cases (validate_generated.py); the cases here cover every
other constraint by hand: SHACL-SPARQL rules, logical constraints, property pairs, value ranges,
patterns, language tags, node-level constraints, and the evidence chain. ``engines`` lists the
SHACL engines expected to agree: rdf-validate-shacl ("node") implements SHACL Core only.
"""

from __future__ import annotations

from validate_harness import Case

SPARQL_ENGINES = ("pyshacl", "jena")
GOOD = """x:{c} a djo:ReadingComparison ; djo:comparedReading qt:train-hours , qt:bus-hours ;
    djo:readingRelation djo:contradictoryReadings ; djo:reason "10 h and about 4 h" ;
    prov:wasGeneratedBy x:activity . x:activity a prov:Activity .
"""  # rdf-validate-shacl does not implement SHACL-SPARQL

CASES: list[Case] = [
    # ------------------------------------------------------------ 0. kinds (djo-rules.ttl §1)
    Case(
        "person-used-as-place",
        "a leg's origin is a person: range entailment makes the person a place too",
        add="ev:leg-3-bus djo:origin pe:misha . pe:misha a djo:Place .",
        delete="ev:leg-3-bus djo:origin pl:russian-side .",
        expect=(
            "violation pe:misha - SPARQL djosh:DisjointKindsShape/two-disjoint-classes",
            "violation ev:journey - SPARQL djosh:LegChain-connected",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "two-modes-of-travel",
        "a leg is both a train leg and a bus leg",
        add="ev:leg-3-bus a djo:TrainLeg .",
        expect=(
            "violation ev:leg-3-bus - SPARQL djosh:DisjointKindsShape/two-disjoint-classes",
            "violation ev:leg-3-bus djo:vehicle Class djosh:TrainLegShape/train",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "leg-without-mode",
        "a leg that is neither a train, bus, handcar, walking nor flight leg",
        delete="ev:leg-1-train a djo:TrainLeg .",
        expect=("warning ev:leg-1-train - Or djosh:LegModeShape",),
    ),
    # --------------------------------------------------------------- 1. described things
    Case(
        "blank-node-place",
        "a place published as a blank node (handcar mints IRIs for everything)",
        add='[] a djo:Place ; rdfs:label "somewhere"@en .',
        expect=(
            "violation _ - NodeKind djosh:DescribedThingShape",
            "violation _ rdf:type SPARQL djosh:AssertedThingShape/asserted-with-evidence",
        ),
        full=True,
    ),
    Case(
        "two-english-labels",
        "two rdfs:label in English",
        add='pl:russia rdfs:label "Russian Federation"@en .',
        expect=("warning pl:russia rdfs:label UniqueLang djosh:DescribedThing-labelLanguage",),
    ),
    Case(
        "two-english-names",
        "two schema:name in English",
        add='pl:russia schema:name "Russian Federation"@en .',
        expect=("warning pl:russia schema:name UniqueLang djosh:DescribedThing-nameLanguage",),
    ),
    Case(
        "wikidata-page-not-entity",
        "owl:sameAs points to a Wikidata web page, not the entity IRI",
        delete="pl:russia owl:sameAs <http://www.wikidata.org/entity/Q159> .",
        add="pl:russia owl:sameAs <https://www.wikidata.org/wiki/Q159> .",
        expect=("violation pl:russia owl:sameAs Pattern djosh:DescribedThing-sameAs",),
    ),
    Case(
        "malformed-language-tag",
        "a label whose language tag is not BCP 47 (a 2-3 letter language first)",
        add='pl:russia rdfs:label "Russie"@francais .',
        expect=("violation pl:russia rdfs:label SPARQL "
                "djosh:LanguageTagShape/well-formed-language-tag",),
        engines=SPARQL_ENGINES,
    ),
    # ------------------------------------------------------------------------ 2. agents
    Case(
        "relative-not-a-person",
        "a person's child is a place",
        add="pe:ivan-petrov djo:hasChild pl:pyongyang .",
        expect=("violation pe:ivan-petrov djo:hasChild|djo:hasParent|djo:relativeOf Class "
                "djosh:PersonShape/relatives",),
    ),
    Case(
        "age-not-in-time",
        "an age in kilometres (its unit code follows)",
        delete='qt:misha-age djo:unit unit:YR ; schema:unitCode "ANN" .',
        add='qt:misha-age djo:unit unit:KiloM ; schema:unitCode "KMT" .',
        expect=(
            "violation pe:misha djo:age Node djosh:PersonShape/age",
            "detail-violation qt:misha-age djo:unit/qudt:hasQuantityKind HasValue "
            "djosh:AgeValueShape/unit-of-an-age",
        ),
        focus=("qt:misha-age",),
    ),
    Case(
        "own-parent-and-child",
        "the same person is given as child and as parent",
        add="pe:ivan-petrov djo:hasParent pe:misha .",
        expect=("violation pe:ivan-petrov djo:hasChild Disjoint "
                "djosh:PersonShape/not-their-own-child",),
    ),
    Case(
        "family-member-unrelated",
        "a family member related to nobody",
        delete="pe:ivan-petrov djo:hasChild pe:misha . pe:ivan-petrov djo:relativeOf pe:misha .",
        expect=("info pe:misha djo:relativeOf|^djo:relativeOf|djo:hasParent|^djo:hasChild|"
                "^djo:hasParent|djo:hasChild MinCount djosh:FamilyMemberShape/related-to-someone",),
    ),
    Case(
        "mission-sent-to-itself",
        "a mission whose sending state is its host country",
        delete="og:mission djo:hostCountry pl:north-korea .",
        add="og:mission djo:hostCountry pl:russia .",
        expect=("violation og:mission djo:sendingState Disjoint "
                "djosh:DiplomaticMissionShape/sending-state-is-not-the-host",),
    ),
    Case(
        "mission-premises-not-premises",
        "a mission's premises are a city",
        add="og:mission djo:hasPremises pl:pyongyang .",
        expect=("violation og:mission djo:hasPremises Class "
                "djosh:DiplomaticMissionShape/premises",),
    ),
    Case(
        "mission-under-a-newspaper",
        "a diplomatic mission is a unit of a news organisation",
        add="og:mission djo:unitOf og:example-news .",
        expect=("warning og:mission djo:unitOf Class "
                "djosh:DiplomaticMissionShape/ministry-of-a-mission",),
    ),
    Case(
        "group-size-in-kilometres",
        "a group's member count with a unit of length",
        delete='qt:staff-count djo:unit unit:NUM ; schema:unitCode "C62" .',
        add='qt:staff-count djo:unit unit:KiloM ; schema:unitCode "KMT" .',
        expect=(
            "violation gr:travellers djo:memberCount Node djosh:GroupShape/member-count",
            "detail-violation qt:staff-count djo:unit HasValue "
            "djosh:CountValueShape/unit-of-a-count",
        ),
        focus=("qt:staff-count",),
    ),
    Case(
        "family-of-a-place",
        "a group is the family of a place",
        add="gr:colleagues djo:familyOf pl:russia .",
        expect=("violation gr:colleagues djo:familyOf Class djosh:GroupShape/family-of",),
    ),
    Case(
        "travel-group-unknown",
        "a travel group with no member, subgroup or size",
        drop=("gr:travellers djo:hasMember", "gr:travellers djo:memberCount"),
        expect=("info gr:travellers djo:hasMember|djo:hasSubgroup|djo:memberCount MinCount "
                "djosh:TravelGroupShape/who-travels",),
    ),
    Case(
        "post-held-by-a-place",
        "a post held by a city",
        add="po:petrov-post djo:heldBy pl:pyongyang .",
        expect=("violation po:petrov-post djo:heldBy Class djosh:PostShape/held-by",),
    ),
    # ------------------------------------------------------------------------ 3. places
    Case(
        "unnamed-place-with-name",
        "an unnamed place with a schema:name",
        add='pl:russian-side schema:name "Khasan"@en .',
        expect=("violation pl:russian-side schema:name MaxCount djosh:UnnamedPlaceShape/no-name",),
    ),
    Case(
        "country-in-country",
        "a country inside another country",
        add="pl:russia djo:inCountry pl:north-korea .",
        expect=("violation pl:russia djo:inCountry MaxCount "
                "djosh:CountryShape/country-in-country",),
    ),
    Case(
        "station-nowhere",
        "a station whose location is not given",
        drop=("pl:tumangang-station djo:inCountry", "pl:tumangang-station djo:locatedIn"),
        expect=("info pl:tumangang-station djo:locatedIn|djo:inCountry|djo:partOfCrossingPoint "
                "MinCount djosh:StationShape/where-a-station-is",),
    ),
    Case(
        "river-part-of-crossing",
        "a river given as part of a border crossing point",
        add="pl:tumen-river djo:partOfCrossingPoint pl:crossing-point .",
        expect=("warning pl:tumen-river djo:partOfCrossingPoint MaxCount "
                "djosh:RiverShape/river-not-part-of-a-crossing",),
    ),
    Case(
        "crossing-point-in-one-country",
        "a border crossing point placed in one country",
        add="pl:crossing-point djo:inCountry pl:russia .",
        expect=("warning pl:crossing-point djo:inCountry MaxCount "
                "djosh:BorderCrossingPointShape/crossing-point-in-one-country",),
    ),
    Case(
        "border-with-one-country",
        "an international border between one country only",
        delete="pl:border djo:borderBetween pl:russia .",
        expect=("violation pl:border djo:borderBetween MinCount "
                "djosh:InternationalBorderShape/border-between",),
    ),
    Case(
        "border-with-three-countries",
        "an international border between three countries",
        add="pl:border djo:borderBetween x:china . x:china a djo:Country .",
        expect=("violation pl:border djo:borderBetween MaxCount "
                "djosh:InternationalBorderShape/border-between",),
    ),
    Case(
        "premises-nowhere",
        "embassy premises without a location",
        add='x:premises a djo:EmbassyPremises ; rdfs:label "the embassy building"@en .',
        expect=(
            "info x:premises djo:locatedIn|djo:inCountry MinCount "
            "djosh:EmbassyPremisesShape/where-the-premises-are",
        ),
    ),
    # ------------------------------------------------------------------------ 4. events
    Case(
        "traveller-not-an-agent",
        "a vehicle given as a traveller",
        add="ev:leg-3-bus djo:traveller ve:bus .",
        expect=("violation ev:leg-3-bus djo:traveller|djo:participant|djo:crossedBy Class "
                "djosh:Event-agents",),
    ),
    Case(
        "via-not-a-place",
        "a leg passes via a person",
        add="ev:leg-3-bus djo:via pe:misha .",
        expect=("violation ev:leg-3-bus djo:atPlace|djo:via Class djosh:Event-places",),
    ),
    Case(
        "round-trip-leg",
        "a leg that ends where it starts",
        delete="ev:leg-3-bus djo:destination pl:vladivostok .",
        add="ev:leg-3-bus djo:destination pl:russian-side .",
        expect=("warning ev:leg-3-bus djo:origin Disjoint djosh:Event-roundTrip",),
    ),
    Case(
        "date-as-string",
        "an event date typed xsd:string",
        delete='ev:crossing djo:date "2022-03-02"^^xsd:date .',
        add='ev:crossing djo:date "2022-03-02" .',
        expect=("violation ev:crossing djo:date Datatype djosh:Event-date",),
    ),
    Case(
        "date-with-time-zone",
        "an event date with a time zone (valid xsd:date, not the published form)",
        delete='ev:crossing djo:date "2022-03-02"^^xsd:date .',
        add='ev:crossing djo:date "2022-03-02Z"^^xsd:date .',
        expect=("violation ev:crossing djo:date Pattern djosh:Event-date",),
    ),
    Case(
        "impossible-date",
        "an event dated 30 February (an ill-typed xsd:date)",
        delete='ev:crossing djo:date "2022-03-02"^^xsd:date .',
        add='ev:crossing djo:date "2022-02-30"^^xsd:date .',
        expect=(
            "violation ev:crossing djo:date Datatype djosh:Event-date",
            "violation ev:crossing - SPARQL djosh:EventDateShape/date-within-its-period",
        ),
        focus=("ev:crossing",),
        # rdf-validate-shacl checks xsd:date lexically (accepts 30 February): not an ill-typed
        # literal for it, so only engines that check the value give this case's verdict
        engines=SPARQL_ENGINES,
    ),
    Case(
        "distance-in-hours",
        "a leg's distance with a unit of time",
        delete='qt:handcar-distance djo:unit unit:KiloM ; schema:unitCode "KMT" .',
        add='qt:handcar-distance djo:unit unit:HR ; schema:unitCode "HUR" .',
        expect=(
            "violation ev:leg-2-handcar djo:distance Node djosh:Event-distance",
            "detail-violation qt:handcar-distance djo:unit/qudt:hasQuantityKind HasValue "
            "djosh:LengthValueShape/unit-of-a-length",
        ),
        focus=("qt:handcar-distance",),
    ),
    Case(
        "journey-without-legs",
        "an evacuation whose legs are not given",
        delete="ev:evacuation djo:hasLeg ev:evacuation-flight .",
        expect=("info ev:evacuation djo:hasLeg MinCount djosh:JourneyShape/at-least-one-leg",),
    ),
    Case(
        "journey-count-not-a-count",
        "a journey's member count in years",
        add="ev:evacuation djo:memberCount qt:misha-age .",
        expect=(
            "violation ev:evacuation djo:memberCount Node djosh:JourneyShape/people-evacuated",
            "detail-violation qt:misha-age djo:unit HasValue djosh:CountValueShape/unit-of-a-count",
        ),
        focus=("qt:misha-age",),
    ),
    Case(
        "leg-outside-any-journey",
        "a leg no journey has",
        delete="ev:journey djo:hasLeg ev:leg-3-bus .",
        expect=("violation ev:leg-3-bus ^djo:hasLeg MinCount djosh:LegShape/journey-of-a-leg",),
    ),
    Case(
        "leg-in-two-journeys",
        "a leg that two journeys have",
        add="ev:evacuation djo:hasLeg ev:leg-3-bus .",
        expect=("violation ev:leg-3-bus ^djo:hasLeg MaxCount djosh:LegShape/journey-of-a-leg",),
    ),
    Case(
        "leg-number-zero",
        "a leg numbered 0 (not a positive integer)",
        delete='ev:leg-1-train djo:legIndex "1"^^xsd:positiveInteger .',
        add='ev:leg-1-train djo:legIndex "0"^^xsd:positiveInteger .',
        expect=("violation ev:leg-1-train djo:legIndex Datatype djosh:LegShape/leg-index",),
    ),
    Case(
        "two-previous-legs",
        "two legs lead into the same leg",
        add="ev:evacuation-flight djo:nextLeg ev:leg-3-bus .",
        expect=("violation ev:leg-3-bus ^djo:nextLeg MaxCount djosh:LegShape/previous-leg",),
    ),
    Case(
        "crossing-during-a-meeting",
        "something that is not a border crossing happens 'during' a leg",
        add="ev:meeting djo:duringLeg ev:leg-2-handcar .",
        expect=("violation ev:leg-2-handcar ^djo:duringLeg Class djosh:LegShape/crossings",),
    ),
    Case(
        "flight-by-bus",
        "a flight leg whose vehicle is a bus",
        add="ev:evacuation-flight djo:vehicle ve:bus .",
        expect=("violation ev:evacuation-flight djo:vehicle Class djosh:FlightLegShape/aircraft",),
    ),
    Case(
        "car-by-bus",
        "a car leg whose vehicle is a bus",
        delete="ev:leg-3-bus a djo:BusLeg .",
        add="ev:leg-3-bus a djo:CarLeg .",
        expect=("violation ev:leg-3-bus djo:vehicle Class djosh:CarLegShape/car",),
    ),
    Case(
        "boat-by-bus",
        "a boat leg whose vehicle is a bus",
        delete="ev:leg-3-bus a djo:BusLeg .",
        add="ev:leg-3-bus a djo:BoatLeg .",
        expect=("violation ev:leg-3-bus djo:vehicle Class djosh:BoatLegShape/boat",),
    ),
    Case(
        "walking-by-bus",
        "a walking leg whose vehicle is a bus",
        delete="ev:leg-3-bus a djo:BusLeg .",
        add="ev:leg-3-bus a djo:WalkingLeg .",
        expect=("violation ev:leg-3-bus djo:vehicle Class "
                "djosh:WalkingLegShape/no-motor-vehicle-on-foot",),
    ),
    Case(
        "crossing-into-the-same-country",
        "a border crossing from a country into the same country",
        delete="ev:crossing djo:toCountry pl:russia .",
        add="ev:crossing djo:toCountry pl:north-korea .",
        expect=(
            "info ev:crossing djo:fromCountry|djo:toCountry MinCount "
            "djosh:BorderCrossingShape/countries-known",
            "violation ev:crossing djo:fromCountry Disjoint "
            "djosh:BorderCrossingShape/two-different-countries",
            "violation ev:crossing - SPARQL djosh:BorderCrossing-legEnd",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "crossing-countries-unknown",
        "a border crossing that does not say which country it enters",
        delete="ev:crossing djo:toCountry pl:russia .",
        expect=("info ev:crossing djo:fromCountry|djo:toCountry MinCount "
                "djosh:BorderCrossingShape/countries-known",),
    ),
    Case(
        "meeting-alone",
        "a meeting with one participant",
        delete="ev:meeting djo:participant gr:colleagues .",
        expect=("info ev:meeting djo:participant MinCount djosh:MeetingShape/who-met",),
    ),
    Case(
        "case-count-in-hours",
        "a pandemic's case count with a unit of time",
        add="ev:pandemic djo:caseCount qt:bus-hours .",
        expect=(
            "violation ev:pandemic djo:caseCount Node djosh:PandemicShape/case-count",
            "warning ev:pandemic - SPARQL djosh:PandemicCountsShape/deaths-not-above-cases",
            "detail-violation qt:bus-hours djo:unit HasValue djosh:CountValueShape/unit-of-a-count",
        ),
        focus=("qt:bus-hours",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "death-count-in-km",
        "a pandemic's death count with a unit of length",
        delete='qt:deaths djo:unit unit:NUM ; schema:unitCode "C62" .',
        add='qt:deaths djo:unit unit:KiloM ; schema:unitCode "KMT" .',
        expect=(
            "violation ev:pandemic djo:deathCount Node djosh:PandemicShape/death-count",
            "detail-violation qt:deaths djo:unit HasValue djosh:CountValueShape/unit-of-a-count",
        ),
        focus=("qt:deaths",),
    ),
    Case(
        "reported-cases-in-years",
        "a country's reported case count in years",
        add="pl:north-korea djo:reportedCaseCount qt:misha-age .",
        expect=(
            "violation pl:north-korea djo:reportedCaseCount Node "
            "djosh:ReportedCasesShape/reported-cases",
            "detail-violation qt:misha-age djo:unit HasValue djosh:CountValueShape/unit-of-a-count",
        ),
        focus=("qt:misha-age",),
    ),
    Case(
        "subgroup-not-a-group",
        "a group's subgroup is a vehicle",
        add="gr:travellers djo:hasSubgroup ve:bus .",
        expect=("violation gr:travellers djo:hasSubgroup Class djosh:GroupShape/subgroup",),
    ),
    Case(
        "two-evacuation-counts",
        "an evacuation with two counts of people, from two statements (two readings: allowed)",
        add="""ev:evacuation djo:memberCount qt:staff-count .
            fact:legs.999 a rdf:Statement ; rdf:subject ev:evacuation ;
                rdf:predicate djo:memberCount ; rdf:object qt:staff-count ;
                djo:assertedBy st:legs .""",
        reify=False,
        expect=(),
    ),
    Case(
        "two-case-counts",
        "a pandemic with two case counts, from two statements: two readings, one a warning",
        add="""ev:pandemic djo:caseCount qt:staff-count .
            fact:legs.999 a rdf:Statement ; rdf:subject ev:pandemic ;
                rdf:predicate djo:caseCount ; rdf:object qt:staff-count ;
                djo:assertedBy st:legs .""",
        reify=False,
        expect=("warning ev:pandemic - SPARQL djosh:PandemicCountsShape/deaths-not-above-cases",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "two-reported-case-counts",
        "a country that reports two case counts, from two statements (two readings: allowed)",
        add="""pl:north-korea djo:reportedCaseCount qt:staff-count , qt:evacuee-count .
            fact:legs.998 a rdf:Statement ; rdf:subject pl:north-korea ;
                rdf:predicate djo:reportedCaseCount ; rdf:object qt:staff-count ;
                djo:assertedBy st:legs .
            fact:post.998 a rdf:Statement ; rdf:subject pl:north-korea ;
                rdf:predicate djo:reportedCaseCount ; rdf:object qt:evacuee-count ;
                djo:assertedBy st:post .""",
        reify=False,
        expect=(),
    ),
    Case(
        "one-statement-two-counts",
        "one statement gives a group two sizes (one reading cannot hold two values)",
        add="""gr:travellers djo:memberCount qt:evacuee-count .
            fact:caption.999 a rdf:Statement ; rdf:subject gr:travellers ;
                rdf:predicate djo:memberCount ; rdf:object qt:evacuee-count ;
                djo:assertedBy st:caption .""",
        reify=False,
        expect=("violation st:caption djo:memberCount SPARQL "
                "djosh:OneReadingPerStatementShape/one-value-per-statement",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "two-destinations-from-two-statements",
        "two statements end a leg in two places (two readings of a one-value property: allowed)",
        add="""ev:leg-3-bus djo:destination pl:pyongyang .
            fact:legs.997 a rdf:Statement ; rdf:subject ev:leg-3-bus ;
                rdf:predicate djo:destination ; rdf:object pl:pyongyang ;
                djo:assertedBy st:post .""",
        reify=False,
        # no cardinality result; the second reading is not where the journey ends (a Warning)
        expect=("warning ev:journey - SPARQL "
                "djosh:JourneyEndsShape/journey-ends-with-its-last-leg",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "one-statement-two-host-countries",
        "one statement gives a mission two host countries (one reading cannot hold two values)",
        add="""og:mission djo:hostCountry pl:china . pl:china a djo:Country .
            fact:caption.996 a rdf:Statement ; rdf:subject og:mission ;
                rdf:predicate djo:hostCountry ; rdf:object pl:china ;
                djo:assertedBy st:caption .
            fact:caption.995 a rdf:Statement ; rdf:subject og:mission ;
                rdf:predicate djo:hostCountry ; rdf:object pl:north-korea ;
                djo:assertedBy st:caption .""",
        reify=False,
        expect=("violation st:caption djo:hostCountry SPARQL "
                "djosh:OneReadingPerStatementShape/one-value-per-statement",),
        engines=SPARQL_ENGINES,
    ),
    # ---------------------------------------------------------------------- 5. vehicles
    Case(
        "carries-a-literal",
        "a vehicle carries a string",
        add='ve:handcar djo:carries "luggage" .',
        expect=("violation ve:handcar djo:carries NodeKind djosh:VehicleShape/carries",),
    ),
    Case(
        "luggage-carried-by-nothing",
        "luggage nothing carries",
        delete="ve:handcar djo:carries th:bags .",
        expect=("info th:bags ^djo:carries MinCount djosh:LuggageShape/carried-by",),
    ),
    Case(
        "luggage-carried-by-a-country",
        "luggage carried by a country",
        add="pl:russia djo:carries th:bags .",
        expect=("info th:bags ^djo:carries Class djosh:LuggageShape/carried-by",),
    ),
    # -------------------------------------------------------------------- 6. quantities
    Case(
        "exact-and-bounded",
        "a quantity that is both exact and bounded",
        add='qt:handcar-distance djo:numericValue "3.0"^^xsd:decimal .',
        expect=("violation qt:handcar-distance - Xone djosh:QuantityValueShape",),
    ),
    Case(
        "value-not-decimal",
        "an exact value typed xsd:integer",
        delete='qt:staff-count djo:numericValue "5.0"^^xsd:decimal .',
        add='qt:staff-count djo:numericValue "5"^^xsd:integer .',
        expect=("violation qt:staff-count djo:numericValue|djo:approximateValue|djo:minExclusive|"
                "djo:minInclusive|djo:maxExclusive|djo:maxInclusive Datatype "
                "djosh:Quantity-numbers",),
    ),
    Case(
        "negative-count",
        "a negative number of people",
        delete='qt:staff-count djo:numericValue "5.0"^^xsd:decimal .',
        add='qt:staff-count djo:numericValue "-5.0"^^xsd:decimal .',
        expect=("violation qt:staff-count djo:numericValue|djo:approximateValue|djo:minExclusive|"
                "djo:minInclusive|djo:maxExclusive|djo:maxInclusive MinInclusive "
                "djosh:Quantity-nonNegative",),
    ),
    Case(
        "two-lower-bounds",
        "more than 2 and at least 3 km at once",
        add='qt:handcar-distance djo:minInclusive "3.0"^^xsd:decimal .',
        expect=("violation qt:handcar-distance djo:minExclusive|djo:minInclusive MaxCount "
                "djosh:Quantity-oneLowerBound",),
    ),
    Case(
        "two-upper-bounds",
        "less than 5 and at most 6 km at once",
        add='qt:handcar-distance djo:maxExclusive "5.0"^^xsd:decimal ; '
            'djo:maxInclusive "6.0"^^xsd:decimal .',
        expect=("violation qt:handcar-distance djo:maxExclusive|djo:maxInclusive MaxCount "
                "djosh:Quantity-oneUpperBound",),
    ),
    Case(
        "bounds-reversed-inclusive",
        "at least 5 and at most 3",
        delete='qt:handcar-distance djo:minExclusive "2.0"^^xsd:decimal ; '
               "djo:valueQualifier djo:moreThan .",
        add='qt:handcar-distance djo:minInclusive "5.0"^^xsd:decimal ; '
            'djo:maxInclusive "3.0"^^xsd:decimal ; djo:valueQualifier djo:atLeast .',
        expect=("violation qt:handcar-distance djo:minInclusive LessThanOrEquals "
                "djosh:Quantity-lowerUpperInclusive",),
    ),
    Case(
        "bounds-empty-inclusive-exclusive",
        "at least 5 and less than 5",
        delete='qt:handcar-distance djo:minExclusive "2.0"^^xsd:decimal ; '
               "djo:valueQualifier djo:moreThan .",
        add='qt:handcar-distance djo:minInclusive "5.0"^^xsd:decimal ; '
            'djo:maxExclusive "5.0"^^xsd:decimal ; djo:valueQualifier djo:atLeast .',
        expect=("violation qt:handcar-distance djo:minInclusive LessThan "
                "djosh:Quantity-lowerInclusiveUpperExclusive",),
    ),
    Case(
        "bounds-empty-exclusive-inclusive",
        "more than 2 and at most 2",
        add='qt:handcar-distance djo:maxInclusive "2.0"^^xsd:decimal .',
        expect=("violation qt:handcar-distance djo:minExclusive LessThan "
                "djosh:Quantity-lowerExclusiveUpperInclusive",),
    ),
    Case(
        "bounds-empty-exclusive",
        "more than 2 and less than 1",
        add='qt:handcar-distance djo:maxExclusive "1.0"^^xsd:decimal .',
        expect=("violation qt:handcar-distance djo:minExclusive LessThan "
                "djosh:Quantity-lowerUpperExclusive",),
    ),
    Case(
        "value-below-inclusive-bound",
        "an exact value 1 with 'at least 2'",
        add='qt:staff-count djo:minInclusive "6.0"^^xsd:decimal .',
        expect=(
            "violation qt:staff-count - Xone djosh:QuantityValueShape",
            "violation qt:staff-count djo:minInclusive LessThanOrEquals "
            "djosh:Quantity-valueAboveMinInclusive",
        ),
    ),
    Case(
        "value-below-exclusive-bound",
        "an exact value 5 with 'more than 5'",
        add='qt:staff-count djo:minExclusive "5.0"^^xsd:decimal .',
        expect=(
            "violation qt:staff-count - Xone djosh:QuantityValueShape",
            "violation qt:staff-count djo:minExclusive LessThan "
            "djosh:Quantity-valueAboveMinExclusive",
        ),
    ),
    Case(
        "value-above-inclusive-bound",
        "an exact value 5 with 'at most 4'",
        add='qt:staff-count djo:maxInclusive "4.0"^^xsd:decimal .',
        expect=(
            "violation qt:staff-count - Xone djosh:QuantityValueShape",
            "violation qt:staff-count djo:numericValue LessThanOrEquals "
            "djosh:Quantity-valueBelowMaxInclusive",
        ),
    ),
    Case(
        "value-above-exclusive-bound",
        "an exact value 5 with 'less than 5'",
        add='qt:staff-count djo:maxExclusive "5.0"^^xsd:decimal .',
        expect=(
            "violation qt:staff-count - Xone djosh:QuantityValueShape",
            "violation qt:staff-count djo:numericValue LessThan "
            "djosh:Quantity-valueBelowMaxExclusive",
        ),
    ),
    Case(
        "qualifier-does-not-match",
        "'exactly' on a quantity given only as a lower bound",
        delete="qt:handcar-distance djo:valueQualifier djo:moreThan .",
        add="qt:handcar-distance djo:valueQualifier djo:exactly .",
        expect=("violation qt:handcar-distance - And djosh:QualifierReadingShape",),
    ),
    Case(
        "duration-in-km",
        "a duration with a unit of length",
        delete='qt:train-hours djo:unit unit:HR ; schema:unitCode "HUR" .',
        add='qt:train-hours djo:unit unit:KiloM ; schema:unitCode "KMT" .',
        expect=(
            "violation qt:train-hours djo:unit/qudt:hasQuantityKind HasValue "
            "djosh:DurationShape/time-unit",
            # time:unitHour stays, without unit:HR
            "violation qt:train-hours - And djosh:DurationUnitShape",
        ),
    ),
    Case(
        "unit-code-of-another-unit",
        "schema:unitCode says kilometres, djo:unit hours",
        delete='qt:train-hours schema:unitCode "HUR" .',
        add='qt:train-hours schema:unitCode "KMT" .',
        expect=("violation qt:train-hours - SPARQL djosh:UnitCodeShape/code-of-the-unit",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "unit-code-missing",
        "a duration in hours without its UN/CEFACT code (QUDT gives HUR)",
        delete='qt:train-hours schema:unitCode "HUR" .',
        expect=("violation qt:train-hours - SPARQL djosh:UnitCodeShape/code-given",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "unit-outside-qudt",
        "a quantity's unit is not a QUDT unit IRI, though described like one",
        delete='qt:train-hours djo:unit unit:HR ; schema:unitCode "HUR" .',
        add="qt:train-hours djo:unit x:furlong-hours . x:furlong-hours a qudt:Unit ; "
            "qudt:hasDimensionVector <http://qudt.org/vocab/dimensionvector/A0E0L0I0M0H0T1D0> ; "
            "qudt:hasQuantityKind <http://qudt.org/vocab/quantitykind/Time> .",
        expect=(
            "violation qt:train-hours djo:unit Pattern djosh:Quantity-unit",
            "violation qt:train-hours - And djosh:DurationUnitShape",
        ),
        focus=("qt:train-hours",),
    ),
    Case(
        "quantity-kind-outside-qudt",
        "a unit's quantity kind is not a QUDT quantity kind",
        add="unit:HR qudt:hasQuantityKind x:hour-ish .",
        expect=("violation unit:HR qudt:hasQuantityKind Pattern djosh:UnitShape/quantity-kinds",),
    ),
    Case(
        "unece-code-malformed",
        "a unit's UN/CEFACT code is a word, not a code",
        add='unit:HR qudt:uneceCommonCode "hour" .',
        expect=("violation unit:HR qudt:uneceCommonCode Pattern djosh:UnitShape/UN-CEFACT-codes",),
    ),
    Case(
        "zero-duration",
        "a leg that lasts 0 hours",
        delete='qt:train-hours djo:numericValue "10.0"^^xsd:decimal ; '
               'time:numericDuration "10.0"^^xsd:decimal .',
        add='qt:train-hours djo:numericValue "0.0"^^xsd:decimal ; '
            'time:numericDuration "0.0"^^xsd:decimal .',
        expect=(
            "violation qt:train-hours time:numericDuration MinExclusive "
            "djosh:DurationShape/numeric-duration",
            "violation qt:train-hours djo:numericValue MinExclusive "
            "djosh:DurationShape/positive-duration",
        ),
    ),
    Case(
        "numeric-duration-differs",
        "time:numericDuration 11 but djo:numericValue 10",
        delete='qt:train-hours time:numericDuration "10.0"^^xsd:decimal .',
        add='qt:train-hours time:numericDuration "11.0"^^xsd:decimal .',
        expect=("violation qt:train-hours time:numericDuration Equals "
                "djosh:DurationShape/same-number-twice",),
    ),
    Case(
        "negative-xsd-duration",
        "a negative xsd:dayTimeDuration",
        delete='qt:train-hours djo:xsdDuration "PT10H"^^xsd:dayTimeDuration .',
        add='qt:train-hours djo:xsdDuration "-PT10H"^^xsd:dayTimeDuration .',
        expect=("violation qt:train-hours djo:xsdDuration Pattern "
                "djosh:DurationShape/XSD-duration",),
    ),
    Case(
        "duration-units-disagree",
        "djo:unit hours but time:unitType days",
        delete="qt:train-hours time:unitType time:unitHour .",
        add="qt:train-hours time:unitType time:unitDay .",
        expect=("violation qt:train-hours - And djosh:DurationUnitShape",),
    ),
    Case(
        "duration-without-its-owl-time-unit",
        "a duration in hours without time:unitType, though OWL-Time has hours",
        delete="qt:train-hours time:unitType time:unitHour .",
        expect=("violation qt:train-hours - And djosh:DurationUnitShape",),
    ),
    # ---------------------------------------------- weeks, parts of a day or period (the wire)
    Case(
        "iso-week-out-of-range",
        "a week number 54 (ISO weeks run from 1 to 53)",
        delete='wt:this-week.description time:week "9"^^xsd:nonNegativeInteger .',
        add='wt:this-week.description time:week "54"^^xsd:nonNegativeInteger .',
        expect=("violation wt:this-week.description time:week MaxInclusive "
                "djosh:DateTimeDescriptionShape/ISO-week",),
    ),
    Case(
        "iso-week-zero",
        "a week number 0",
        delete='wt:this-week.description time:week "9"^^xsd:nonNegativeInteger .',
        add='wt:this-week.description time:week "0"^^xsd:nonNegativeInteger .',
        expect=("violation wt:this-week.description time:week MinInclusive "
                "djosh:DateTimeDescriptionShape/ISO-week",),
    ),
    Case(
        "week-number-without-week-precision",
        "a week number on a description precise to the year",
        delete="wt:this-week.description time:unitType time:unitWeek .",
        add="wt:this-week.description time:unitType time:unitYear .",
        expect=("violation wt:this-week.description - And djosh:DescriptionPrecisionShape",),
    ),
    Case(
        "part-of-day-on-a-week",
        "a part of the day (morning) on a description of a week",
        add="wt:this-week.description djo:partOfDay djo:morning .",
        expect=("violation wt:this-week.description - And djosh:DescriptionPrecisionShape",),
    ),
    Case(
        "part-of-period-on-a-day",
        "'early' on a description precise to the day",
        add="wt:wednesday-morning.description djo:periodPart djo:earlyPart .",
        expect=("violation wt:wednesday-morning.description - And "
                "djosh:DescriptionPrecisionShape",),
    ),
    Case(
        "week-ends-before-it-begins",
        "a week whose last day is before its first",
        delete='wt:this-week.end time:inXSDDate "2022-03-06"^^xsd:date .',
        add='wt:this-week.end time:inXSDDate "2022-02-27"^^xsd:date .',
        expect=("violation wt:this-week - SPARQL djosh:PeriodBoundsShape/ends-after-it-begins",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "unknown-value-qualifier",
        "a value qualifier outside DJO's six",
        add="x:sometimes a djo:ValueQualifier .",
        expect=("violation x:sometimes - In djosh:ValueQualifierShape",),
    ),
    Case(
        "unknown-season",
        "a season outside DJO's four",
        add="x:monsoon a djo:Season .",
        expect=("violation x:monsoon - In djosh:SeasonShape",),
    ),
    # ------------------------------------------------------------------------- 7. time
    Case(
        "interval-of-no-event",
        "an interval no event has",
        delete="ev:leg-3-bus djo:hasInterval iv:leg-3-bus .",
        expect=("violation iv:leg-3-bus ^djo:hasInterval MinCount "
                "djosh:ProperIntervalShape/event-of-an-interval",),
    ),
    Case(
        "year-five-digits",
        "a gYear with five digits (one that sorts before the article's date, so the period is "
        "not also after it)",
        delete='tm:wednesday.description time:year "2022"^^xsd:gYear .',
        add='tm:wednesday.description time:year "12022"^^xsd:gYear .',
        expect=("violation tm:wednesday.description time:year Pattern "
                "djosh:DateTimeDescriptionShape/year",),
    ),
    Case(
        "month-thirteen",
        "month 0 (not 13, which would also put the period after the article)",
        delete='tm:wednesday.description time:month "--03"^^xsd:gMonth .',
        add='tm:wednesday.description time:month "--00"^^xsd:gMonth .',
        expect=("violation tm:wednesday.description time:month Pattern "
                "djosh:DateTimeDescriptionShape/month",),
    ),
    Case(
        "day-thirty-two",
        "day 0 (not 32, which would also put the period after the article)",
        delete='tm:wednesday.description time:day "---02"^^xsd:gDay .',
        add='tm:wednesday.description time:day "---00"^^xsd:gDay .',
        expect=("violation tm:wednesday.description time:day Pattern "
                "djosh:DateTimeDescriptionShape/day",),
    ),
    Case(
        "day-precision-without-day",
        "a description precise to the day without its day",
        delete='tm:wednesday.description time:day "---02"^^xsd:gDay .',
        expect=("violation tm:wednesday.description - Or djosh:DateTimeDescriptionShape",),
    ),
    # ---------------------------------------------------------------------- 8. sources
    Case(
        "url-not-http",
        "a source URL that is not http(s)",
        delete='src:example-2022-03-03-crossing schema:url '
               '"https://example.org/news/diplomats-cross-into-russia"^^xsd:anyURI .',
        add='src:example-2022-03-03-crossing schema:url "ftp://example.org/news"^^xsd:anyURI .',
        expect=("violation src:example-2022-03-03-crossing schema:url Pattern djosh:Source-url",),
    ),
    Case(
        "author-not-an-agent",
        "a post whose author is a place",
        add="src:ministry-post djo:author pl:russia .",
        expect=("violation src:ministry-post djo:author|djo:creditedTo Class djosh:Source-makers",),
    ),
    Case(
        "embeds-a-person",
        "an article embeds a person",
        add="src:example-2022-03-03-crossing djo:embeds pe:misha .",
        expect=("violation src:example-2022-03-03-crossing djo:embeds|djo:shares Class "
                "djosh:Source-embeds",),
    ),
    Case(
        "embeds-and-shares",
        "a post embeds and shares the same source",
        add="src:ministry-post djo:embeds src:photo ; djo:shares src:photo .",
        expect=("warning src:ministry-post djo:embeds Disjoint djosh:Source-notSelf",),
    ),
    Case(
        "date-published-pattern",
        "a publication date with a time zone",
        delete='src:ministry-post schema:datePublished "2022-03-02"^^xsd:date .',
        add='src:ministry-post schema:datePublished "2022-03-02+03:00"^^xsd:date .',
        expect=("violation src:ministry-post schema:datePublished Pattern "
                "djosh:Source-datePublished",),
    ),
    Case(
        "about-a-literal",
        "a source about a string",
        add='src:photo djo:about "the handcar" .',
        expect=("violation src:photo djo:about NodeKind djosh:Source-about",),
    ),
    Case(
        "photo-without-credit",
        "a photograph nobody is credited with",
        delete="src:photo djo:creditedTo og:ministry .",
        expect=("info src:photo djo:publishedBy|djo:author|djo:creditedTo MinCount "
                "djosh:AttributedSourceShape/publisher-author-or-credit",),
    ),
    Case(
        "language-not-bcp47",
        "an article language written out",
        delete='src:example-2022-03-03-crossing schema:inLanguage "en" .',
        add='src:example-2022-03-03-crossing schema:inLanguage "english" .',
        expect=("violation src:example-2022-03-03-crossing schema:inLanguage Pattern "
                "djosh:NewsArticleShape/language",),
    ),
    Case(
        "article-by-a-ministry",
        "a news article published by a foreign ministry",
        delete="src:example-2022-03-03-crossing djo:publishedBy og:example-news .",
        add="src:example-2022-03-03-crossing djo:publishedBy og:ministry .",
        expect=("violation src:example-2022-03-03-crossing djo:publishedBy Or "
                "djosh:NewsArticleShape/publisher",),
        # pySHACL skips an sh:or member's check on a value that is not among focus_nodes
        focus=("og:ministry",),
    ),
    Case(
        "unnamed-publisher-named",
        "the unnamed publisher of a wire report given a schema:name",
        add='og:example-2022-03-04-wire.publisher schema:name "Some Wire"@en .',
        expect=("violation og:example-2022-03-04-wire.publisher schema:name MaxCount "
                "djosh:UnnamedAgentShape/no-name",),
    ),
    Case(
        "two-captions-in-english",
        "two English captions on a photograph",
        add='src:photo djo:caption "Diplomats on a handcar."@en , "A handcar."@en .',
        expect=("violation src:photo djo:caption UniqueLang djosh:MediaShape/caption",),
    ),
    Case(
        "text-of-two-sources",
        "one article text claimed by two sources",
        add="src:photo djo:hasText tx:example-2022-03-03-crossing .",
        expect=("violation tx:example-2022-03-03-crossing ^djo:hasText MaxCount "
                "djosh:ArticleTextShape/text-of-a-source",),
    ),
    # --------------------------------------------------- 9. statements, facts, evidence
    Case(
        "blank-statement",
        "a statement published as a blank node",
        add="[] a djo:Statement ; djo:statedBy og:ministry ; djo:statedIn src:ministry-post .",
        expect=(
            "violation _ - NodeKind djosh:StatementShape",
            "violation _ - SPARQL djosh:Statement-evidence",
            "warning _ - Or djosh:StatementFactsShape",
        ),
        full=True,
        engines=SPARQL_ENGINES,
    ),
    # ------------------------------------------------ 9a. how readings relate (issue 12)
    Case(
        "comparison-incomplete",
        "a comparison of one value, without relation, reason or who established it",
        add="x:c1 a djo:ReadingComparison ; djo:comparedReading qt:train-hours .",
        expect=(
            "violation x:c1 - Xone djosh:ReadingComparisonShape",
            "violation x:c1 djo:comparedReading MinCount "
            "djosh:ReadingComparisonShape/compared-readings",
            "violation x:c1 djo:readingRelation MinCount djosh:ReadingComparisonShape/relation",
            "violation x:c1 djo:reason MinCount djosh:ReadingComparisonShape/reason",
        ),
    ),
    Case(
        "comparison-overfull",
        "a comparison of three values with two relations (one not a relation), "
        "two reasons and two more precise values, both computed and declared",
        add="""x:c2 a djo:ReadingComparison ;
            djo:comparedReading qt:train-hours , qt:bus-hours , qt:handcar-distance ;
            djo:readingRelation djo:morePreciseReading , djo:exactly ;
            djo:morePreciseValue qt:train-hours , qt:bus-hours ;
            djo:reason "one" , "two" ;
            prov:wasGeneratedBy x:activity ; prov:wasAttributedTo og:ministry .
            x:activity a prov:Activity .""",
        expect=(
            "violation x:c2 - Xone djosh:ReadingComparisonShape",
            "violation x:c2 djo:comparedReading MaxCount "
            "djosh:ReadingComparisonShape/compared-readings",
            "violation x:c2 djo:readingRelation MaxCount djosh:ReadingComparisonShape/relation",
            "violation x:c2 djo:readingRelation In djosh:ReadingComparisonShape/relation",
            "violation x:c2 djo:morePreciseValue MaxCount "
            "djosh:ReadingComparisonShape/more-precise-value",
            "violation x:c2 djo:reason MaxCount djosh:ReadingComparisonShape/reason",
        ),
    ),
    Case(
        "comparison-wrong-provenance",
        "a comparison generated by a person and attributed to a rank, with an empty reason",
        add="""x:c3 a djo:ReadingComparison ; djo:comparedReading qt:train-hours , qt:bus-hours ;
            djo:readingRelation djo:contradictoryReadings ; djo:reason "" ;
            prov:wasGeneratedBy pe:misha .
            x:c4 a djo:ReadingComparison ; djo:comparedReading qt:train-hours , qt:bus-hours ;
            djo:readingRelation djo:contradictoryReadings ; djo:reason 4 ;
            prov:wasAttributedTo co:third-secretary .""",
        expect=(
            "violation x:c3 prov:wasGeneratedBy Class "
            "djosh:ReadingComparisonShape/computed-by",
            "violation x:c3 djo:reason MinLength djosh:ReadingComparisonShape/reason",
            "violation x:c4 prov:wasAttributedTo Class djosh:ReadingComparisonShape/declared-by",
            "violation x:c4 schema:member|schema:author|prov:wasAttributedTo Class "
            "djosh:StandardValueKindShape/agent",
            "violation x:c4 djo:reason Datatype djosh:ReadingComparisonShape/reason",
        ),
    ),
    Case(
        "comparison-of-a-person",
        "a duration compared with a person",
        add=GOOD.format(c="c8").replace("qt:bus-hours", "pe:misha"),
        expect=("violation x:c8 djo:comparedReading Node "
                "djosh:ReadingComparisonShape/compared-readings",
                "detail-violation pe:misha - Or djosh:ReadingValue"),
        full=True,  # the nested result is only reported when every focus node is validated
    ),
    Case(
        "more-precise-without-its-value",
        "one reading said to be more precise without saying which, and a compatible pair that "
        "names a more precise value",
        add=GOOD.format(c="c5").replace("contradictoryReadings", "morePreciseReading")
        + GOOD.format(c="c6").replace(
            "djo:contradictoryReadings",
            "djo:compatibleReadings ; djo:morePreciseValue qt:bus-hours",
        ),
        expect=(
            "violation x:c5 - Or djosh:ReadingComparison-morePrecise",
            "violation x:c6 - Or djosh:ReadingComparison-morePrecise",
        ),
    ),
    Case(
        "blank-comparison",
        "a comparison published as a blank node",
        add=GOOD.format(c="c7").replace("x:c7", "[]", 1).replace(" .", " ] .", 0),
        expect=("violation _ - NodeKind djosh:ReadingComparisonShape",),
        full=True,
    ),
    Case(
        "linked-reading-not-a-value",
        "a person is said to be compatible with a duration",
        add="pe:misha djo:compatibleWith qt:train-hours . "
        "qt:train-hours djo:compatibleWith pe:misha .",
        expect=("violation pe:misha - Node djosh:ReadingLinkShape",
                "detail-violation pe:misha - Or djosh:ReadingValue"),
    ),
    Case(
        "evidence-without-article",
        "a statement with evidence but no reporting article",
        delete="st:legs djo:reportedIn src:example-2022-03-03-crossing .",
        expect=("violation st:legs djo:reportedIn MinCount "
                "djosh:AnchoredStatementShape/article-of-an-anchored-statement",),
    ),
    Case(
        "not-modelled-without-reason",
        "a statement not modelled that gives no reason and asserts a fact",
        add="x:aside a djo:NotModelled , djo:Statement ; djo:statedBy og:example-news ; "
            "djo:statedIn src:example-2022-03-03-crossing . fact:legs.1 djo:assertedBy x:aside .",
        expect=(
            "violation x:aside djo:reason MinCount djosh:NotModelledShape/reason",
            "violation x:aside ^djo:assertedBy MaxCount djosh:NotModelledShape/asserts-nothing",
            "violation x:aside - SPARQL djosh:Statement-evidence",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "not-modelled-reasons",
        "a statement not modelled with two reasons, one empty and one not a string",
        add='x:aside a djo:NotModelled , djo:Statement ; djo:statedBy og:example-news ; '
            'djo:statedIn src:wikidata ; djo:reason "", "42"^^xsd:integer .',
        expect=(
            "violation x:aside djo:reason MaxCount djosh:NotModelledShape/reason",
            "violation x:aside djo:reason MinLength djosh:NotModelledShape/reason",
            "violation x:aside djo:reason Datatype djosh:NotModelledShape/reason",

        ),
    ),
    Case(
        "blank-fact",
        "a reified fact published as a blank node",
        add="[] a rdf:Statement ; rdf:subject pl:russia ; rdf:predicate rdf:type ; "
            "rdf:object djo:Country ; djo:assertedBy st:russia .",
        expect=("violation _ - NodeKind djosh:ReifiedFactShape",),
        full=True,
    ),
    Case(
        "annotation-motivation-unknown",
        "an annotation motivated by something else",
        delete="evd:legs oa:motivatedBy oa:describing .",
        add="evd:legs oa:motivatedBy oa:highlighting .",
        expect=(
            "violation evd:legs oa:motivatedBy In djosh:AnnotationShape/motivation",
            "violation st:legs djo:hasEvidence/oa:motivatedBy In "
            "djosh:FactStatementShape/describing-evidence",
        ),
        focus=("st:legs",),
    ),
    Case(
        "facts-from-a-comment",
        "a statement that asserts facts is anchored by a comment (oa:commenting)",
        delete="evd:legs oa:motivatedBy oa:describing .",
        add="evd:legs oa:motivatedBy oa:commenting .",
        expect=("violation st:legs djo:hasEvidence/oa:motivatedBy In "
                "djosh:FactStatementShape/describing-evidence",),
    ),
    Case(
        "statement-without-facts",
        "a statement that asserts nothing and is not marked as not modelled",
        add="x:idle a djo:Statement ; djo:statedBy og:example-news ; djo:statedIn src:wikidata .",
        expect=("warning x:idle - Or djosh:StatementFactsShape",),
    ),
    Case(
        "not-modelled-described",
        "a passage not modelled whose evidence describes instead of commenting",
        add="x:aside a djo:NotModelled , djo:Statement ; djo:statedBy og:example-news ; "
            "djo:statedIn src:example-2022-03-03-crossing ; "
            "djo:reportedIn src:example-2022-03-03-crossing ; "
            'djo:reason "mood, not fact" ; djo:hasEvidence evd:aside . '
            "evd:aside a oa:Annotation , djo:EvidenceAnchor ; oa:motivatedBy oa:describing ; "
            "oa:hasBody x:aside ; oa:hasTarget evd:legs.target .",
        expect=("violation x:aside djo:hasEvidence/oa:motivatedBy In "
                "djosh:NotModelledShape/commenting-evidence",),
    ),
    Case(
        "annotation-without-body",
        "an annotation with neither a body nor a body value",
        drop=("evd:legs oa:hasBody",),
        expect=(
            "violation evd:legs oa:hasBody|oa:bodyValue MinCount djosh:AnnotationShape/body",
            "violation evd:legs oa:hasBody MinCount "
            "djosh:EvidenceAnchorShape/statement-of-an-anchor",
        ),
    ),
    Case(
        "evidence-of-two-statements",
        "one evidence anchor claimed by two statements",
        add="st:lead djo:hasEvidence evd:legs .",
        expect=("violation evd:legs ^djo:hasEvidence MaxCount "
                "djosh:EvidenceAnchorShape/evidence-of-one-statement",),
    ),
    Case(
        "quote-selector-untyped",
        "an anchor target whose quote selector lost its type",
        delete="evd:legs.quote a oa:TextQuoteSelector .",
        expect=("violation evd:legs.target oa:hasSelector/rdf:type HasValue "
                "djosh:SpecificResourceShape/quote-selector",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "position-selector-untyped",
        "an anchor target whose position selector lost its type",
        delete="evd:legs.position a oa:TextPositionSelector .",
        expect=("violation evd:legs.target oa:hasSelector/rdf:type HasValue "
                "djosh:SpecificResourceShape/position-selector",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "third-selector",
        "an anchor target with three selectors",
        add="evd:legs.target oa:hasSelector evd:lead.quote .",
        expect=(
            "violation evd:legs.target oa:hasSelector MaxCount "
            "djosh:SpecificResourceShape/two-selectors",
            "violation evd:legs.target - SPARQL djosh:QuoteShape/exact-quote-at-its-offsets",
            "violation evd:legs.target - SPARQL "
            "djosh:QuoteShape/prefix-and-suffix-around-the-quote",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "prefix-not-a-string",
        "a quote prefix typed as a number",
        drop=("evd:legs.quote oa:prefix",),
        add='evd:legs.quote oa:prefix "42"^^xsd:integer .',
        expect=("violation evd:legs.quote oa:prefix|oa:suffix Datatype "
                "djosh:TextQuoteSelectorShape/prefix-suffix",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "start-after-end",
        "a position selector whose start is after its end",
        delete='evd:legs.position oa:start "305"^^xsd:nonNegativeInteger ; '
               'oa:end "561"^^xsd:nonNegativeInteger .',
        add='evd:legs.position oa:start "561"^^xsd:nonNegativeInteger ; '
            'oa:end "305"^^xsd:nonNegativeInteger .',
        expect=(
            "violation evd:legs.position oa:start LessThan djosh:TextPositionSelectorShape/start",
            "violation evd:legs.target - SPARQL djosh:QuoteShape/exact-quote-at-its-offsets",
            "violation evd:legs.target - SPARQL "
            "djosh:QuoteShape/prefix-and-suffix-around-the-quote",
        ),
        engines=SPARQL_ENGINES,
    ),
    # ------------------------------------------------------------- SHACL-SPARQL rules
    Case(
        "next-leg-outside-journey",
        "a leg's next leg belongs to another journey",
        add="ev:leg-3-bus djo:nextLeg ev:evacuation-flight .",
        expect=(
            "violation ev:journey - SPARQL djosh:LegChain-sameJourney",
            "violation ev:journey - SPARQL djosh:LegChain-connected",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "legs-not-connected",
        "a leg starts somewhere else than where the previous one ended",
        delete="ev:leg-3-bus djo:origin pl:russian-side .",
        add="ev:leg-3-bus djo:origin pl:tumangang-station .",
        expect=("violation ev:journey - SPARQL djosh:LegChain-connected",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "chain-broken",
        "a missing next leg splits the chain in two",
        delete="ev:leg-1-train djo:nextLeg ev:leg-2-handcar .",
        expect=(
            "violation ev:journey - SPARQL djosh:LegChain-oneChain",
            "warning ev:journey - SPARQL djosh:JourneyEndsShape/journey-starts-with-its-first-leg",
            "warning ev:journey - SPARQL djosh:JourneyEndsShape/journey-ends-with-its-last-leg",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "chain-loops",
        "the last leg leads back to the first: no first leg",
        add="ev:leg-3-bus djo:nextLeg ev:leg-1-train .",
        expect=(
            "violation ev:journey - SPARQL djosh:LegChain-oneChain",
            "violation ev:journey - SPARQL djosh:LegChain-connected",
            "violation ev:journey - SPARQL djosh:LegChain-indexOrder",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "numbers-out-of-order",
        "leg numbers that do not follow the chain",
        delete='ev:leg-2-handcar djo:legIndex "2"^^xsd:positiveInteger . '
               'ev:leg-3-bus djo:legIndex "3"^^xsd:positiveInteger .',
        add='ev:leg-2-handcar djo:legIndex "3"^^xsd:positiveInteger . '
            'ev:leg-3-bus djo:legIndex "2"^^xsd:positiveInteger .',
        expect=("violation ev:journey - SPARQL djosh:LegChain-indexOrder",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "numbers-repeated",
        "two legs with number 2",
        delete='ev:leg-3-bus djo:legIndex "3"^^xsd:positiveInteger .',
        add='ev:leg-3-bus djo:legIndex "2"^^xsd:positiveInteger .',
        expect=(
            "violation ev:journey - SPARQL djosh:LegChain-indexUnique",
            "violation ev:journey - SPARQL djosh:LegChain-indexOrder",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "numbers-with-gap",
        "legs numbered 1, 2, 4",
        delete='ev:leg-3-bus djo:legIndex "3"^^xsd:positiveInteger .',
        add='ev:leg-3-bus djo:legIndex "4"^^xsd:positiveInteger .',
        expect=(
            "violation ev:journey - SPARQL djosh:LegChain-indexNoGap",
            "violation ev:journey - SPARQL djosh:LegChain-indexOrder",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "leg-not-numbered",
        "one leg of a numbered journey has no number",
        delete='ev:leg-3-bus djo:legIndex "3"^^xsd:positiveInteger .',
        expect=("violation ev:leg-3-bus - SPARQL djosh:LegChain-indexAll",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "interval-meets-a-leg",
        "an interval meets a leg (an event), not an interval",
        add="iv:leg-1-train time:intervalMeets ev:leg-2-handcar .",
        expect=(
            "violation iv:leg-1-train time:intervalMeets Class djosh:ProperIntervalShape/meets",
        ),
    ),
    Case(
        "intervals-meet-out-of-order",
        "the first leg's interval meets two intervals",
        add="iv:leg-1-train time:intervalMeets iv:leg-2-handcar , iv:leg-3-bus .",
        expect=(
            "violation iv:leg-1-train time:intervalMeets MaxCount djosh:ProperIntervalShape/meets",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "journey-starts-elsewhere",
        "a journey that starts somewhere else than its first leg",
        delete="ev:journey djo:origin pl:pyongyang .",
        add="ev:journey djo:origin pl:tumangang-station .",
        expect=("warning ev:journey - SPARQL "
                "djosh:JourneyEndsShape/journey-starts-with-its-first-leg",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "journey-ends-elsewhere",
        "a journey that ends somewhere else than its last leg",
        delete="ev:journey djo:destination pl:vladivostok .",
        add="ev:journey djo:destination pl:tumangang-station .",
        expect=("warning ev:journey - SPARQL "
                "djosh:JourneyEndsShape/journey-ends-with-its-last-leg",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "journey-from-and-to-countries",
        "a journey from the country its first leg starts in, to the one its last leg ends in",
        delete="ev:journey djo:origin pl:pyongyang . ev:journey djo:destination pl:vladivostok .",
        add="ev:journey djo:origin pl:north-korea . ev:journey djo:destination pl:russia .",
        expect=(),
        focus=("ev:journey",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "journey-ends-at-an-unnamed-place",
        "a journey that ends at an unnamed place (\"home\"): it may be the last leg's named end",
        delete="ev:journey djo:destination pl:vladivostok .",
        add="ev:journey djo:destination pl:russian-side .",
        expect=(),
        focus=("ev:journey",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "border-not-between-the-countries",
        "the border crossed does not lie on the country entered",
        delete="pl:border djo:borderBetween pl:russia .",
        add="pl:border djo:borderBetween x:china . x:china a djo:Country .",
        expect=("violation ev:crossing - SPARQL djosh:BorderCrossing-border",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "crossing-leg-starts-in-wrong-country",
        "the leg of the crossing starts in the country entered",
        delete="pl:tumangang-station djo:inCountry pl:north-korea .",
        add="pl:tumangang-station djo:inCountry pl:russia .",
        expect=("violation ev:crossing - SPARQL djosh:BorderCrossing-legStart",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "crossing-leg-ends-in-wrong-country",
        "the leg of the crossing ends in the country left",
        delete="pl:russian-side djo:inCountry pl:russia .",
        add="pl:russian-side djo:inCountry pl:north-korea .",
        expect=("violation ev:crossing - SPARQL djosh:BorderCrossing-legEnd",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "crossing-point-on-another-border",
        "the crossing point is on a different border",
        delete="pl:crossing-point djo:onBorder pl:border .",
        add="pl:crossing-point djo:onBorder x:other-border . x:other-border a "
            "djo:InternationalBorder .",
        expect=("warning ev:crossing - SPARQL "
                "djosh:BorderCrossingPointRulesShape/crossing-point-on-the-crossed-border",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "crosser-not-travelling",
        "someone crosses the border who is not on the leg",
        add="ev:crossing djo:crossedBy gr:colleagues .",
        expect=("warning ev:crossing - SPARQL "
                "djosh:BorderCrossingPointRulesShape/crossers-travel-on-the-leg",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "event-after-the-article",
        "an event dated after the article that reports it (suspicious: it may be announced)",
        delete='ev:crossing djo:date "2022-03-02"^^xsd:date .',
        add='ev:crossing djo:date "2022-03-05"^^xsd:date .',
        expect=(
            "warning ev:crossing - SPARQL "
            "djosh:EventReportedAsDoneShape/not-after-the-reporting-article",
            "violation ev:crossing - SPARQL djosh:EventDateShape/date-within-its-period",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "date-outside-its-period",
        "an event's date is not in the day it is said to happen",
        delete='ev:crossing djo:date "2022-03-02"^^xsd:date .',
        add='ev:crossing djo:date "2022-03-01"^^xsd:date .',
        expect=("violation ev:crossing - SPARQL djosh:EventDateShape/date-within-its-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "source-from-the-future",
        "an embedded post published after the article",
        delete='src:ministry-post schema:datePublished "2022-03-02"^^xsd:date .',
        add='src:ministry-post schema:datePublished "2022-03-04"^^xsd:date .',
        expect=("violation src:ministry-post - SPARQL "
                "djosh:SourceDateShape/no-source-from-the-future",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "more-deaths-than-cases",
        "a pandemic with more deaths than cases",
        add='ev:pandemic djo:caseCount x:cases . x:cases a djo:QuantityValue ; djo:unit unit:NUM ; '
            'djo:valueQualifier djo:exactly ; djo:numericValue "1000.0"^^xsd:decimal .',
        expect=("warning ev:pandemic - SPARQL djosh:PandemicCountsShape/deaths-not-above-cases",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "quote-differs-from-text",
        "an evidence quote that is not the text at its offsets",
        drop=("evd:legs.quote oa:exact",),
        add='evd:legs.quote oa:exact "Their trip began with a 12-hour train ride." .',
        expect=("violation evd:legs.target - SPARQL djosh:QuoteShape/exact-quote-at-its-offsets",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "offset-shifted",
        "an evidence position shifted by one character",
        delete='evd:legs.position oa:start "305"^^xsd:nonNegativeInteger ; '
               'oa:end "561"^^xsd:nonNegativeInteger .',
        add='evd:legs.position oa:start "306"^^xsd:nonNegativeInteger ; '
            'oa:end "562"^^xsd:nonNegativeInteger .',
        expect=(
            "violation evd:legs.target - SPARQL djosh:QuoteShape/exact-quote-at-its-offsets",
            "violation evd:legs.target - SPARQL "
            "djosh:QuoteShape/prefix-and-suffix-around-the-quote",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "offset-beyond-the-text",
        "an evidence position past the end of the text",
        delete='evd:legs.position oa:end "561"^^xsd:nonNegativeInteger .',
        add='evd:legs.position oa:end "99999"^^xsd:nonNegativeInteger .',
        expect=(
            "violation evd:legs.target - SPARQL djosh:QuoteShape/exact-quote-at-its-offsets",
            "violation evd:legs.target - SPARQL "
            "djosh:QuoteShape/prefix-and-suffix-around-the-quote",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "prefix-wrong",
        "a quote prefix that is not the text before the quote",
        drop=("evd:legs.quote oa:prefix",),
        add='evd:legs.quote oa:prefix "something else entirely" .',
        expect=("violation evd:legs.target - SPARQL "
                "djosh:QuoteShape/prefix-and-suffix-around-the-quote",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "fact-not-published",
        "a reified fact whose triple is not in the data",
        delete="ev:journey djo:hasLeg ev:leg-1-train . ev:journey schema:subEvent ev:leg-1-train . "
               "ev:journey <http://semanticweb.cs.vu.nl/2009/11/sem/hasSubEvent> ev:leg-1-train .",
        expect=(
            "violation st:legs - SPARQL djosh:Statement-facts",
            "violation ev:journey - SPARQL djosh:LegChain-indexNoGap",
            "warning ev:journey - SPARQL djosh:JourneyEndsShape/journey-starts-with-its-first-leg",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "fact-without-subject",
        "a reified fact without rdf:subject",
        drop=("fact:legs.1 rdf:subject",),
        expect=("violation st:legs - SPARQL djosh:Statement-facts",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "fact-with-two-objects",
        "a reified fact with two rdf:object",
        add="fact:legs.1 rdf:object ev:leg-2-handcar .",
        expect=("violation st:legs - SPARQL djosh:Statement-facts",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "fact-with-literal-subject",
        "a reified fact whose rdf:subject is a literal",
        drop=("fact:legs.1 rdf:subject",),
        add='fact:legs.1 rdf:subject "the journey" .',
        expect=("violation st:legs - SPARQL djosh:Statement-facts",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "fact-claim-dangling",
        "a reified fact asserted by a statement that does not exist",
        drop=("fact:legs.1 djo:assertedBy",),
        add="fact:legs.1 djo:assertedBy st:nowhere .",
        expect=("violation fact:legs.1 djo:assertedBy Class djosh:ReifiedFactShape/asserted-by",),
    ),
    Case(
        "anchor-body-mismatch",
        "a statement's anchor has another statement as its body",
        drop=("evd:legs oa:hasBody",),
        add="evd:legs oa:hasBody st:lead .",
        expect=("violation st:legs - SPARQL djosh:Statement-evidence",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "anchor-in-another-text",
        "a statement's anchor points into a text that is not its article's",
        delete="evd:legs.target oa:hasSource tx:example-2022-03-03-crossing .",
        add="evd:legs.target oa:hasSource x:other-text . x:other-text a djo:ArticleText , "
            "nif:Context ; "
            'nif:isString "Another text." . src:photo djo:hasText x:other-text .',
        expect=("violation st:legs - SPARQL djosh:Statement-evidence",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "statement-without-evidence",
        "a claim stated in the article with neither evidence nor reporting article",
        drop=("st:legs djo:hasEvidence", "st:legs djo:reportedIn"),
        expect=("violation st:legs - SPARQL djosh:Statement-evidence",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "type-not-reified",
        "a thing whose type no claim asserts",
        drop=("fact:russia.1 rdf:subject", "fact:russia.1 rdf:predicate",
              "fact:russia.1 rdf:object",
              "fact:russia.1 djo:assertedBy", "fact:russia.1 rdf:type",
              "fact:russia.1 prov:wasDerivedFrom"),
        expect=("violation pl:russia rdf:type SPARQL "
                "djosh:AssertedThingShape/asserted-with-evidence",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "property-not-reified",
        "a DJO property value that no claim asserts",
        add="ev:leg-3-bus djo:via pl:tumen-bridge .",
        expect=("violation ev:leg-3-bus djo:via SPARQL "
                "djosh:AssertedThingShape/asserted-with-evidence",),
        reify=False,
        engines=SPARQL_ENGINES,
    ),
    # -- standard super-properties (what a schema.org/PROV/SEM/GeoSPARQL/QUDT reader sees) -----
    Case(
        "standard-place-is-a-person",
        "prov:atLocation (an entailed super-property of djo:atPlace) points at a person",
        add="ev:journey prov:atLocation pe:misha .",
        expect=("violation ev:journey prov:atLocation|sem:hasPlace|schema:location|geo:sfWithin|"
                "schema:containedInPlace|schema:fromLocation|schema:toLocation Class "
                "djosh:StandardPlaceShape/place",),
    ),
    Case(
        "standard-actor-is-a-place",
        "sem:hasActor (entailed from djo:traveller) points at a place",
        add="ev:journey <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> pl:russian-side .",
        expect=("violation ev:journey sem:hasActor|prov:wasAssociatedWith|schema:participant "
                "Class djosh:StandardAgentShape/agent",),
    ),
    Case(
        "standard-sub-event-is-a-place",
        "schema:subEvent (entailed from djo:hasLeg) points at a place",
        add="ev:journey schema:subEvent pl:russian-side .",
        expect=("violation ev:journey sem:hasSubEvent|schema:subEvent Class "
                "djosh:StandardSubEventShape/sub-event",),
    ),
    Case(
        "standard-value-negative",
        "qudt:value (entailed from djo:numericValue) of a quantity is negative",
        add='qt:misha-age qudt:value "-1.0"^^xsd:decimal .',
        expect=("violation qt:misha-age qudt:value|schema:value|time:numericDuration|"
                "schema:minValue|schema:maxValue MinInclusive "
                "djosh:StandardNumberShape/not-negative",),
    ),
    Case(
        "standard-bound-negative",
        "schema:minValue (entailed from a lower bound) of a quantity is negative",
        add='qt:misha-age schema:minValue "-1.0"^^xsd:decimal .',
        expect=("violation qt:misha-age qudt:value|schema:value|time:numericDuration|"
                "schema:minValue|schema:maxValue MinInclusive "
                "djosh:StandardNumberShape/not-negative",),
    ),
    Case(
        "standard-instrument-is-a-person",
        "schema:instrument (entailed from djo:vehicle) points at a person",
        add="ev:journey schema:instrument pe:misha .",
        expect=("violation ev:journey prov:used|schema:instrument Class "
                "djosh:StandardValueKindShape/vehicle",),
    ),
    Case(
        "standard-employer-is-a-rank",
        "schema:worksFor (entailed from djo:memberOfMission) points at a rank",
        add="pe:ivan-petrov schema:worksFor co:third-secretary .",
        expect=("violation pe:ivan-petrov org:memberOf|schema:worksFor|"
                "org:unitOf|org:postIn|"
                "schema:publisher Class djosh:StandardValueKindShape/organisation",),
    ),
    Case(
        "standard-held-post-is-a-rank",
        "org:holds (entailed from djo:holdsPost) points at a rank",
        add="pe:ivan-petrov org:holds co:third-secretary .",
        expect=("violation pe:ivan-petrov org:holds Class "
                "djosh:StandardValueKindShape/post",),
    ),
    Case(
        "standard-role-is-an-event",
        "org:role (entailed from djo:hasRank) points at an event",
        add="po:petrov-post org:role ev:journey .",
        expect=("violation po:petrov-post org:role Class "
                "djosh:StandardValueKindShape/role",),
    ),
    Case(
        "standard-author-is-a-rank",
        "schema:author (entailed from djo:author) points at a rank",
        add="src:ministry-post schema:author co:third-secretary .",
        expect=("violation src:ministry-post schema:member|schema:author|prov:wasAttributedTo "
                "Class djosh:StandardValueKindShape/agent",),
    ),
    Case(
        "standard-child-is-a-group",
        "schema:children (entailed from djo:hasChild) points at a group",
        add="pe:ivan-petrov schema:children gr:travellers .",
        expect=("violation pe:ivan-petrov schema:children|schema:relatedTo Class "
                "djosh:StandardValueKindShape/relative",),
    ),
    Case(
        "standard-part-is-a-person",
        "schema:hasPart (entailed from djo:embeds) points at a person",
        add="src:ministry-statement schema:hasPart pe:misha .",
        expect=("violation src:ministry-statement schema:hasPart|schema:sharedContent Class "
                "djosh:StandardValueKindShape/part",),
    ),
    Case(
        "began-during-a-place",
        "an event said to begin during a place, not a calendar period",
        add="ev:leg-1-train djo:beganDuring pl:pyongyang .",
        expect=("violation ev:leg-1-train djo:beganDuring Class djosh:Event-beganDuring",),
    ),
    Case(
        "ended-during-a-place",
        "an event said to end during a place, not a calendar period",
        add="ev:leg-1-train djo:endedDuring pl:pyongyang .",
        expect=("violation ev:leg-1-train djo:endedDuring Class djosh:Event-endedDuring",),
    ),
    Case(
        "start-date-in-its-period",
        "an event that began during a day carries that day as its start date: no result",
        add='ev:leg-1-train djo:beganDuring tm:tuesday ; djo:startDate "2022-03-01"^^xsd:date .',
        expect=(),
    ),
    Case(
        "start-date-outside-its-period",
        "an event's start date is not in the day it is said to begin in",
        add='ev:leg-1-train djo:beganDuring tm:tuesday ; djo:startDate "2022-02-28"^^xsd:date .',
        expect=("violation ev:leg-1-train - SPARQL "
                "djosh:EventDateShape/start-date-within-its-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "end-date-outside-its-period",
        "an event's end date is not in the day it is said to end in",
        add='ev:leg-1-train djo:endedDuring tm:wednesday ; djo:endDate "2022-03-01"^^xsd:date .',
        expect=("violation ev:leg-1-train - SPARQL "
                "djosh:EventDateShape/end-date-within-its-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "start-date-as-string",
        "an event's start date typed xsd:string",
        add='ev:leg-1-train djo:beganDuring tm:tuesday ; djo:startDate "2022-03-01" .',
        expect=("violation ev:leg-1-train djo:startDate Datatype djosh:Event-startDate",),
    ),
    Case(
        "start-date-with-time-zone",
        "an event's start date with a time zone (valid xsd:date, not the published form)",
        add='ev:leg-1-train djo:beganDuring tm:tuesday ; djo:startDate "2022-03-01Z"^^xsd:date .',
        expect=("violation ev:leg-1-train djo:startDate Pattern djosh:Event-startDate",),
    ),
    Case(
        "end-date-as-string",
        "an event's end date typed xsd:string",
        add='ev:leg-1-train djo:endedDuring tm:tuesday ; djo:endDate "2022-03-01" .',
        expect=("violation ev:leg-1-train djo:endDate Datatype djosh:Event-endDate",),
    ),
    Case(
        "end-date-with-time-zone",
        "an event's end date with a time zone (valid xsd:date, not the published form)",
        add='ev:leg-1-train djo:endedDuring tm:tuesday ; djo:endDate "2022-03-01Z"^^xsd:date .',
        expect=("violation ev:leg-1-train djo:endDate Pattern djosh:Event-endDate",),
    ),
    Case(
        "start-after-the-article",
        "an event said to begin after the article that reports it (suspicious: it may be "
        "announced)",
        add='ev:crossing djo:startDate "2022-03-05"^^xsd:date .',
        expect=("warning ev:crossing - SPARQL "
                "djosh:EventReportedAsDoneShape/not-after-the-reporting-article",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "end-after-the-article",
        "an event said to end after the article that reports it",
        add='ev:crossing djo:endDate "2022-03-04"^^xsd:date .',
        expect=("warning ev:crossing - SPARQL "
                "djosh:EventReportedAsDoneShape/not-after-the-reporting-article",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "began-on-a-day-without-start-date",
        "an event that began in a period known to the day without its djo:startDate",
        add="ev:leg-1-train djo:beganDuring tm:tuesday .",
        expect=("warning ev:leg-1-train - SPARQL djosh:DerivedDayShape/day-of-a-start-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "ended-on-a-day-without-end-date",
        "an event that ended in a period known to the day without its djo:endDate",
        add="ev:leg-1-train djo:endedDuring tm:wednesday .",
        expect=("warning ev:leg-1-train - SPARQL djosh:DerivedDayShape/day-of-an-end-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "distance-is-a-rank",
        "djo:distance points at a rank, not a quantity",
        add="ev:leg-1-train djo:distance co:third-secretary .",
        expect=("violation ev:leg-1-train djo:distance Class djosh:Event-distance",),
    ),
    Case(
        "journey-without-travellers",
        "a journey with no djo:traveller",
        drop=("ev:journey djo:traveller",),
        expect=("violation st:lead - SPARQL djosh:Statement-facts",  # its claim lost the triple
                "warning ev:journey djo:traveller MinCount djosh:JourneyShape/travellers"),
    ),
    # ---------------------------------------- as strict as the data (issue 12 point 6)
    Case(
        "time-of-a-rank",
        "time:hasTime (standard terms) points to a rank, not an interval or calendar period",
        add="ev:crossing time:hasTime co:third-secretary .",
        expect=("violation ev:crossing time:hasTime|sem:hasTime Or djosh:StandardTimeShape/time",),
        # pySHACL's focus_nodes option also filters the value nodes a nested shape (sh:or, sh:node)
        # is evaluated on: a value outside the focus list "conforms", so it is a focus node too
        focus=("co:third-secretary",),
    ),
    Case(
        "derived-from-a-rank",
        "prov:wasDerivedFrom (standard terms) points to a rank, not a statement or source",
        add="st:lead prov:wasDerivedFrom co:third-secretary .",
        expect=("violation st:lead prov:wasDerivedFrom Or "
                "djosh:StandardDerivationShape/derived-from",),
        # pySHACL's focus_nodes option also filters the value nodes a nested shape (sh:or, sh:node)
        # is evaluated on: a value outside the focus list "conforms", so it is a focus node too
        focus=("co:third-secretary",),
    ),
    Case(
        "handcar-carries-a-rank",
        "a vehicle carries a rank: not people, luggage or a vehicle",
        add="ve:handcar djo:carries co:third-secretary .",
        expect=("warning ve:handcar djo:carries Or djosh:CarriedShape/people-luggage-or-vehicles",),
        # pySHACL's focus_nodes option also filters the value nodes a nested shape (sh:or, sh:node)
        # is evaluated on: a value outside the focus list "conforms", so it is a focus node too
        focus=("co:third-secretary",),
    ),
    Case(
        "person-without-words",
        "a person lost her name: no words of the article refer to her any more",
        drop=("pe:misha schema:name",),
        expect=(
            "warning pe:misha schema:name|djo:referredToAs MinCount "
            "djosh:PersonWordsShape/named-or-referred-to",
            "warning pe:misha - SPARQL djosh:ArticleWordsShape/quoted-label-is-the-article-s-words",
        ),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "meeting-of-nobody",
        "a meeting without any participant",
        drop=("ev:meeting djo:participant",),
        expect=(
            "warning ev:meeting djo:crossedBy|djo:participant MinCount "
            "djosh:TakingPartShape/who-crosses-or-meets",
            "info ev:meeting djo:participant MinCount djosh:MeetingShape/who-met",
        ),
    ),
    Case(
        "words-lost",
        "a group lost the words the article uses for it; its label still quotes them",
        drop=("gr:colleagues djo:referredToAs",),
        expect=("warning gr:colleagues - SPARQL "
                "djosh:ArticleWordsShape/quoted-label-is-the-article-s-words",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "name-without-label",
        "a river named in English is labelled only in Russian",
        delete='pl:tumen-river rdfs:label "Tumen River"@en .',
        add='pl:tumen-river rdfs:label "Туманная"@ru .',
        expect=("warning pl:tumen-river - SPARQL "
                "djosh:NameLabelShape/label-in-the-name-s-language",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "duration-on-the-event-only",
        "a leg's duration is no longer its interval's",
        delete="iv:leg-1-train time:hasDuration qt:train-hours .",
        expect=("warning ev:leg-1-train - SPARQL "
                "djosh:DurationIntervalShape/duration-on-the-event-and-its-interval",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "quantity-of-nothing",
        "an age that nobody has",
        drop=("pe:misha djo:age",),
        expect=("warning qt:misha-age - SPARQL djosh:QuantityHeldShape/held-by-something",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "leg-out-of-the-chain",
        "the first leg no longer leads to the second: it is linked to no leg",
        delete="ev:leg-1-train djo:nextLeg ev:leg-2-handcar .",
        expect=("violation ev:leg-1-train - SPARQL djosh:LegChain-linked",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "legs-meet-nowhere",
        "the last leg follows another but starts nowhere",
        drop=("ev:leg-3-bus djo:origin",),
        expect=("warning ev:leg-3-bus - SPARQL djosh:LegPlacesShape/where-consecutive-legs-meet",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "day-without-date",
        "an event in a period known to the day without its djo:date",
        drop=("ev:crossing djo:date",),
        expect=("warning ev:crossing - SPARQL djosh:DerivedDayShape/day-of-a-dated-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "publication-day-without-date",
        "a source published in a period known to the day without its schema:datePublished",
        drop=("src:ministry-statement schema:datePublished",),
        expect=("warning src:ministry-statement - SPARQL "
                "djosh:DerivedDayShape/day-of-a-publication-period",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "published-in-a-later-year",
        "the post is said to be published in a year after the article (2023 > 2022-03-03)",
        delete='tm:post-day.description time:year "2022"^^xsd:gYear .',
        add='tm:post-day.description time:year "2023"^^xsd:gYear .',
        expect=("violation tm:post-day.description - SPARQL "
                "djosh:PublicationPeriodShape/published-before-the-report",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "event-in-a-later-season",
        "an evacuation said to fall in winter 2023, which starts after the article (2022-03-03)",
        delete='tm:last-spring.description time:year "2021"^^xsd:gYear ; djo:season djo:spring .',
        add='tm:last-spring.description time:year "2023"^^xsd:gYear ; djo:season djo:winter .',
        expect=("warning tm:last-spring.description - SPARQL "
                "djosh:EventPeriodShape/period-not-after-the-report",),
        engines=SPARQL_ENGINES,
    ),
    Case(
        "event-in-a-season-that-may-have-begun",
        "winter 2022 may have started in December 2021, before the article (2022-03-03): "
        "a partial date is after the article only when its earliest day is",
        delete='tm:last-spring.description time:year "2021"^^xsd:gYear ; djo:season djo:spring .',
        add='tm:last-spring.description time:year "2022"^^xsd:gYear ; djo:season djo:winter .',
        expect=(),
        focus=("tm:last-spring.description",),
        engines=SPARQL_ENGINES,
    ),
]
