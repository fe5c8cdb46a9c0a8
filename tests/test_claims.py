"""Attributed claims on sentences written for these tests."""
from __future__ import annotations

import pytest

from claim_helpers import by_cue as one, claims_runner

from sitrep.model import Document


@pytest.fixture(scope="module")
def run(claims_pipeline):
    return claims_runner(claims_pipeline)


def test_indirect_speech_source_cue_content(run):
    doc, claims = run("The harbour master said on Friday that two tankers had left the port.")
    c = one(claims, "said")
    assert "two tankers had left the port" in c.text
    assert "harbour master" in c.source
    assert c.source_kind == "anonymous" and c.hedge == "asserted" and not c.direct


def test_direct_quote_with_source_after(run):
    doc, claims = run("\u201cWe will not retreat from the river,\u201d the brigade commander said.")
    c = one(claims, "said")
    assert c.direct and c.text == "We will not retreat from the river"
    assert "brigade commander" in c.source


def test_direct_quote_said_before_name(run):
    doc, claims = run('"The bridge is gone and the road is cut," said Olena Marchuk, a local councillor.')
    c = one(claims, "said")
    assert c.direct and c.source == "Olena Marchuk"
    assert c.text.startswith("The bridge is gone")


def test_quote_over_two_sentences_is_one_claim(run):
    doc, claims = run("\u201cThe convoy arrived at dawn. It carried food and fuel for the whole town,\u201d "
                      "the mayor told reporters.")
    quotes = [c for c in claims if c.direct]
    assert len(quotes) == 1
    c = quotes[0]
    assert c.text.startswith("The convoy arrived") and c.text.endswith("for the whole town")
    assert c.cue == "told reporters" and "mayor" in c.source


def test_quote_over_two_paragraphs_keeps_its_speaker(run):
    text = ("Maria Kovalenko, a nurse in the town, said: \u201cThe shelling began at night and did not stop.\n"
            "\u201cBy morning the school next to our clinic had been hit.\u201d")
    doc, claims = run(text)
    quotes = [c for c in claims if c.direct]
    assert len(quotes) == 2
    assert all(c.source == "Maria Kovalenko" for c in quotes)
    assert any(c.text.startswith("By morning") for c in quotes)


def test_according_to(run):
    doc, claims = run("According to the regional governor, three villages lost power after the strike.")
    c = one(claims, "According to")
    assert "three villages lost power" in c.text and "governor" in c.source


def test_impersonal_passive_is_reported_without_source(run):
    doc, claims = run("It was reported that the dam had been breached overnight.")
    c = one(claims, "reported")
    assert c.source is None and c.source_kind == "none" and c.hedge == "reported"
    assert "dam had been breached" in c.text


def test_quoted_as_saying_keeps_the_officials(run):
    doc, claims = run("Two officials were quoted as saying the airfield was badly damaged.")
    c = [c for c in claims if "airfield" in c.text][0]
    assert "officials" in c.source and c.hedge == "reported"


def test_source_citing_another_source_keeps_both(run):
    doc, claims = run("The spokesperson, citing satellite images, said the fuel depot had burned down.")
    c = one(claims, "said")
    assert "spokesperson" in c.source and c.cited == "satellite images"


def test_said_in_a_statement(run):
    doc, claims = run("The foreign ministry said in a statement that the talks had collapsed.")
    c = one(claims, "said")
    assert "ministry" in c.source and "talks had collapsed" in c.text


def test_reporting_nouns(run):
    doc, claims = run("Reports indicate that the ferry sank near the northern coast.")
    c = one(claims, "indicate")
    assert c.source is None and c.hedge == "reported" and "ferry sank" in c.text
    doc, claims = run("The minister\u2019s claims that the border was sealed drew scorn from the opposition.")
    c = one(claims, "claims")
    assert c.source.endswith("minister") and "border was sealed" in c.text


def test_reportedly_makes_a_sourceless_reported_claim(run):
    doc, claims = run("Kyiv reportedly received four new radar systems last week.")
    c = one(claims, "reportedly")
    assert c.source is None and c.hedge == "reported" and "radar systems" in c.text


def test_parenthetical_and_as_noted(run):
    doc, claims = run("The plan, the analyst argued, would fail within a month.")
    c = one(claims, "argued")
    assert "analyst" in c.source and "would fail within a month" in c.text
    doc, claims = run("As the envoy noted, the ceasefire held for only a week.")
    c = one(claims, "noted")
    assert "envoy" in c.source and "ceasefire held" in c.text


def test_conjoined_named_sources_give_one_claim_each(run):
    doc, claims = run("Ana Petrovic and Milan Horvat said the ceasefire was over.")
    srcs = sorted(c.source for c in claims if c.cue == "said")
    assert srcs == ["Ana Petrovic", "Milan Horvat"]   # the full names, not NER's surname "Petrovic"
    spans = sorted(doc.text[c.source_start:c.source_end] for c in claims)
    assert spans == ["Ana Petrovic", "Milan Horvat"]
    assert sorted((c.source, [s.name for s in c.co_sources]) for c in claims) == [
        ("Ana Petrovic", ["Milan Horvat"]), ("Milan Horvat", ["Ana Petrovic"])]


def test_hedge_from_a_following_verification_sentence(run):
    doc, claims = run("The governor claimed that 40 drones were shot down over the city. "
                      "The army has not verified these claims.")
    assert one(claims, "claimed").hedge == "unverified"
    doc, claims = run("The governor claimed that 40 drones were shot down over the city. "
                      "The neighbouring state denied the claims on Monday.")
    assert one(claims, "claimed").hedge == "denied"


def test_denial_as_cue(run):
    doc, claims = run("The ministry denied that its jets struck the market.")
    c = one(claims, "denied")
    assert c.hedge == "denied" and "jets struck the market" in c.text


def test_unverified_in_the_claim_itself(run):
    doc, claims = run("The agency has not confirmed whether the missiles were fired from the coast.")
    c = one(claims, "has not confirmed")
    assert c.hedge == "unverified"


def test_pronoun_source_takes_the_person_named_before(run):
    doc, claims = run("Defence Minister Ana Petrovic visited the base on Tuesday. "
                      "\u201cWe are ready for whatever comes next,\u201d she said.")
    c = one(claims, "said")
    assert c.source == "Ana Petrovic" and doc.text[c.source_start:c.source_end] == "she"


def test_things_that_mean_are_not_sources(run):
    doc, claims = run("The accord signals a turn in how the region is balanced.")
    assert not claims


def test_offsets_match_the_text(run):
    text = ("Officials in the capital said that the power grid was stable.\n"
            "\u201cThe lights will stay on,\u201d the energy minister told reporters. \u201cWe have reserves.\u201d\n"
            "According to a report by the national audit office, repairs will cost 3 million euros.\n"
            "Rebel commanders, who spoke on condition of anonymity, claimed the town had fallen. "
            "The government dismissed such claims as propaganda.")
    doc, claims = run(text)
    assert len(claims) >= 4
    for c in claims:
        assert doc.text[c.start:c.end] == c.text
        assert doc.text[c.cue_start:c.cue_end] == c.cue
        if c.source_start is not None:
            surface = doc.text[c.source_start:c.source_end]
            assert surface.strip() == surface and surface
            assert c.source == surface or c.source in surface or surface.lower() in ("he", "she", "who")
        else:
            assert c.source is None
    rebels = [c for c in claims if c.cue == "claimed"][0]
    assert rebels.source_kind == "anonymous" and rebels.hedge == "denied"


def test_content_keeps_the_phrase_that_qualifies_its_figures(run):
    doc, claims = run("The agency echoed these reports, estimating that the rebels have sent as many as "
                      "900 fighters to the front, including 40 officers.")
    c = one(claims, "estimating")
    assert c.text.endswith("including 40 officers") and c.source.endswith("agency")
    assert not [x for x in claims if x.cue == "echoed"]   # "echoed these reports" carries no content


def test_reporting_noun_with_its_topic(run):
    doc, claims = run("The senator\u2019s criticism of the new conscription law drew a sharp reply from the army.")
    c = one(claims, "criticism")
    assert c.source.endswith("senator") and c.text == "the new conscription law"


def test_speaker_after_the_verb_and_documents_as_sources(run):
    doc, claims = run("\u201cThe road is open again. Trucks are moving,\u201d said Petra Lind, a logistics officer.")
    c = one(claims, "said")
    assert c.source == "Petra Lind" and c.direct
    doc, claims = run("The audit report says that the depot lost 300 tonnes of fuel.")
    c = one(claims, "says")
    assert c.source_kind == "document" and c.hedge == "asserted" and "report" in c.source


def test_quotation_signed_after_a_dash(run):
    doc, claims = run("\u201cThe market was empty by noon and nobody came back.\u201d \u2015 Irina Vasko\n"
                      "\u201cWe need water more than anything else.\u201d \u2015 Tomas Berg, volunteer")
    assert sorted(c.source for c in claims if c.direct) == ["Irina Vasko", "Tomas Berg"]


def test_block_quotation_after_a_colon_and_told_to(run):
    doc, claims = run("The commander added:\nWe will hold the bridge until the reinforcements arrive.")
    c = one(claims, "added")
    assert "commander" in c.source and c.text == "We will hold the bridge until the reinforcements arrive."
    doc, claims = run("The minister told the generals to prepare a new defensive line.")
    c = one(claims, "told")
    assert "minister" in c.source and "prepare a new defensive line" in c.text


def test_belief_intention_and_stance_cues_have_their_class(run):
    doc, claims = run("The harbour master fears the pier will collapse before spring.")
    c = one(claims, "fears")
    assert c.cue_class == "belief" and "pier will collapse" in c.text and "harbour master" in c.source
    doc, claims = run("The farmers' union plans to block the northern road on Tuesday.")
    c = one(claims, "plans")
    assert c.cue_class == "intention" and c.text.startswith("to block the northern road")
    doc, claims = run("The mayor backs the new curfew for the old town.")
    c = one(claims, "backs")
    assert c.cue_class == "stance" and "curfew" in c.text
    doc, claims = run("The engineer said that the pier was safe.")
    assert one(claims, "said").cue_class == "speech"


def test_attitude_needs_a_speaking_subject_of_its_own(run):
    doc, claims = run("The new figures support the view that the harvest failed.")
    assert not [c for c in claims if c.cue == "support"]
    doc, claims = run("A pact endorsed by the council took effect on Monday.")
    assert not [c for c in claims if c.cue == "endorsed"]


def test_attitude_inside_a_said_clause_is_part_of_that_claim(run):
    doc, claims = run("The mayor said she hopes the bridge will reopen by June.")
    assert [c.cue for c in claims] == ["said"]
    assert "bridge will reopen" in claims[0].text


def test_any_verb_with_a_that_clause_and_a_speaker(run):
    doc, claims = run("The inspectors determined that the valve had been tampered with.")
    c = one(claims, "determined")
    assert c.cue_class == "other" and "valve had been tampered" in c.text and "inspectors" in c.source


def test_name_and_colon_opening_a_line(run):
    text = ("Kovalenko: Ferry service to the island will resume next week\n\n"
            "MORGAN: What happened at the pier last night?\n"
            "Photo: a crane at the harbour on Monday morning\n")
    doc, claims = run(text)
    colon = [c for c in claims if c.cue == ":"]
    assert [doc.text[c.source_start:c.source_end] for c in colon] == ["Kovalenko", "MORGAN"]
    assert colon[0].text == "Ferry service to the island will resume next week"
    assert colon[1].text.startswith("What happened at the pier")


def test_content_the_parse_hung_elsewhere_is_the_rest_of_the_phrase(run):
    doc, claims = run("The governor tweeted late on Sunday that the curfew would end at midnight.")
    c = one(claims, "tweeted")
    assert "curfew would end at midnight" in c.text and "governor" in c.source
    doc, claims = run("The governor spoke briefly to reporters outside the hall.")
    assert not [c for c in claims if c.cue == "spoke"]   # an addressee is no content


def test_participle_after_a_speaking_noun_and_prepositional_content(run):
    doc, claims = run("The council published a statement criticizing the port authority for the delays.")
    c = one(claims, "criticizing")
    assert "statement" in doc.text[c.source_start:c.source_end] and "port authority" in c.text
    doc, claims = run("The mayor accused the ferry company of hiding the damage.")
    c = one(claims, "accused")
    assert "hiding the damage" in c.text and "mayor" in c.source


def test_that_clause_on_the_addressee_and_a_name_ending_a_phrase(run):
    doc, claims = run("Ramos told co-host Lena Fischer that the port would stay closed.")
    c = one(claims, "told")
    assert "port would stay closed" in c.text and c.source == "Ramos"
    doc, claims = run("At a briefing with the editors of the Harbour Gazette Ramos said that the port would reopen.")
    c = one(claims, "said")
    assert "port would reopen" in c.text and doc.text[c.source_start:c.source_end] == "Ramos"


def test_continued_only_attributes_a_quotation(run):
    doc, claims = run('"The water is still rising," the engineer continued.')
    c = one(claims, "continued")
    assert c.direct and c.text == "The water is still rising" and "engineer" in c.source
    doc, claims = run("The engineer continued to inspect the dam for another hour.")
    assert not [c for c in claims if c.cue == "continued"]
    doc, claims = run("The crowd outside the town hall chanted that the mayor must resign.")
    assert "mayor must resign" in one(claims, "chanted").text


def test_object_as_last_resort_content(run):
    doc, claims = run("The harbour master cited the storm as the cause of the delay.")
    c = one(claims, "cited")
    assert "storm as the cause" in c.text and "harbour master" in c.source
    doc, claims = run("The mayor added a second ferry to the winter timetable.")
    assert not [c for c in claims if c.cue == "added"]   # adding things is no claim


def test_indefinite_and_role_nouns_hold_views(run):
    doc, claims = run("Everyone on the island expects the ferry to be late again.")
    assert "ferry to be late" in one(claims, "expects").text
    doc, claims = run("Most regulators oppose the merger of the two ports.")
    assert "merger" in one(claims, "oppose").text


def test_pronoun_speaker_is_the_subject_before_not_a_name_in_the_quote(run):
    text = ("Nadia Kowalczyk, a port economist in Gdansk, expects a hard winter if Viktor Orban blocks the aid. "
            "\u201cThe [Orban] veto would hurt every shipyard on the coast,\u201d she explained.")
    doc, claims = run(text)
    assert one(claims, "explained").source == "Nadia Kowalczyk"


def test_common_noun_source_is_not_named_by_a_name_in_its_modifier(run):
    doc, claims = run("Harbour officials, wary of Viktor Orban's threats, are stressing the need for unity.")
    c = one(claims, "stressing")
    assert c.source != "Viktor Orban" and "officials" in doc.text[c.source_start:c.source_end]


# ---------------------------------------------------------------- figures attributed across sentences

@pytest.fixture(scope="module")
def figures():
    from sitrep.extract.pipeline import Pipeline
    pipe = Pipeline(stages=["entities", "claims", "quantities"])

    def _run(text: str):
        doc = Document.new(text)
        recs = pipe.run(doc)
        return {doc.text[q.start:q.end]: q for q in recs.quantities}
    return _run


def test_figure_takes_the_source_of_the_next_sentence_that_points_back(figures):
    qs = figures("Reports that as many as 6,000 militia fighters could cross the river have alarmed the capital. "
                 "These fighters are expected to reach the front by Sunday, according to Defence Minister "
                 "Alma Varga and her deputy Ivo Brandt.")
    assert qs["as many as 6,000 militia fighters"].source == "Alma Varga"
    qs = figures("Up to 6,000 militia fighters may cross the river this week. The fighters, drawn from the "
                 "north, are expected to reach the front by Sunday, according to Defence Minister Alma Varga.")
    assert qs["Up to 6,000 militia fighters"].source == "Alma Varga"


def test_figure_keeps_no_source_when_the_next_sentence_is_about_something_else(figures):
    qs = figures("Rescuers pulled 40 people from the rubble. The mayor said the search would continue overnight.")
    assert qs["40 people"].source is None


def test_ownerless_estimate_takes_the_source_of_the_sentence_before(figures):
    qs = figures("Ostrava sent about 2,000 soldiers to the border, the army reported on Tuesday. "
                 "This buildup marks a sharp rise from the first estimate of 500 soldiers in March.")
    assert qs["500 soldiers"].source == "army"
    qs = figures("Ostrava sent about 2,000 soldiers to the border, the army reported on Tuesday. "
                 "This buildup follows the arrival of 500 soldiers in March.")
    assert qs["500 soldiers"].source is None   # no estimate: the army did not give this figure


def test_estimate_owned_by_a_noun_phrase(figures):
    qs = figures("An initial estimate from the regional governor of 700 destroyed homes was later doubled.")
    assert qs["700 destroyed homes"].source == "regional governor"
    qs = figures("An initial estimate from the regional governor put the toll at 700 dead.")
    assert qs["700 dead"].source == "regional governor"
    qs = figures("The governor's estimate of 4,500 displaced families was revised on Friday.")
    assert qs["4,500 displaced families"].source == "governor"


# ---------------------------------------------------------------- cues PolNeAR counts (own sentences)

def test_called_with_a_predicate_is_a_claim_even_on_a_pronoun_or_short_object(run):
    _, claims = run("The union called the charges unsubstantiated.")
    assert "charges unsubstantiated" in one(claims, "called").text
    _, claims = run("Dole called him a master at negotiation.")
    c = one(claims, "called")
    assert c.source == "Dole" and "him a master" in c.text
    _, claims = run("The council called the meeting for Tuesday morning.")
    assert not [c for c in claims if c.cue == "called"]


def test_headline_opened_by_a_surname_tagged_as_noun(run):
    _, claims = run("Varga: Bridge Will Not Be Rebuilt Before Winter, Mayor Was Misled By Engineers.\n\nMore below.")
    c = one(claims, ":")
    assert c.source == "Varga" and c.text.startswith("Bridge Will Not")
    _, claims = run("The Latest: Flood waters recede from the old town.\n\nMore below.")
    assert not [c for c in claims if c.cue == ":"]


def test_passive_stance_takes_its_agent_as_source(run):
    _, claims = run("The mayor has been endorsed by the farmers' union.")
    c = one(claims, "endorsed")
    assert "union" in c.source and c.text == "The mayor"


def test_groups_and_poll_shares_hold_views(run):
    _, claims = run("Farmers want policies that protect the river.")
    assert one(claims, "want").text == "policies that protect the river"
    _, claims = run("Twelve percent indicated that they were not sure.")
    assert one(claims, "indicated").source == "Twelve percent"
    _, claims = run("The leaders met in Oslo on Friday, offering new aid to the flooded region.")
    assert not [c for c in claims if c.cue == "offering"]   # an offer of aid is no view
    _, claims = run("The trip will also see him meet the new cabinet.")
    assert not [c for c in claims if c.cue == "see"]


def test_as_clause_with_an_object_is_no_parenthetical(run):
    _, claims = run("The shortages could spread to the capital as families feel the cost of the blockade.")
    assert not [c for c in claims if c.cue == "feel"]


def test_object_verbs_with_a_name_or_an_as_phrase(run):
    _, claims = run("The governor has not mentioned Varga since the debate.")
    assert one(claims, "has not mentioned").text.startswith("Varga")
    _, claims = run("Ruiz cited it as an example of the council's neglect.")
    assert "as an example" in one(claims, "cited").text


def test_passive_accusation_without_agent_is_a_sourceless_reported_claim(run):
    _, claims = run("The former mayor was accused of diverting flood relief funds.")
    c = [c for c in claims if c.cue.startswith("accused")][0]
    assert c.source is None and c.hedge == "reported" and c.text == "diverting flood relief funds"


def test_dash_signatures_after_a_mistyped_opening_mark_and_a_no_break_space(run):
    _, claims = run("Readers wrote in.\n\u201dThe river is rising and nobody listens to us.\u201d \u2015 Ana Ruiz\n"
                    "\u201cThe mayor has done nothing for this town.\u201d\u00a0\u2015 Bo Lind")
    by = {c.source: c for c in claims if c.cue == "\u2015"}
    assert by["Ana Ruiz"].text.startswith("The river is rising")
    assert by["Bo Lind"].text.startswith("The mayor has done nothing")


def test_a_document_finding_takes_the_rest_of_its_phrase(run):
    _, claims = run("A 2014 study by a law professor found 31 cases of fraud out of a million ballots.")
    c = one(claims, "found")
    assert "study" in c.source and c.text == "31 cases of fraud out of a million ballots"


def test_that_clause_after_a_reporting_noun_is_the_nouns(run):
    _, claims = run("The governor is seizing upon a Valley Herald report that the dam had cracked in 1995.")
    c = one(claims, "report")
    assert c.source == "Valley Herald" and "the dam had cracked" in c.text
    assert not [c for c in claims if c.cue == "seizing"]


def test_raised_passive_is_a_sourceless_reported_claim(run):
    _, claims = run("The rebel commander is believed to have fled across the border.")
    c = [c for c in claims if "believed" in c.cue][0]
    assert c.source is None and c.hedge == "reported" and "to have fled across the border" in c.text
    _, claims = run("Officials were quoted as saying the bridge would reopen.")
    assert one(claims, "quoted as saying").source == "Officials"


# ---------------------------------------------------------------- PolNeAR recall rules (issue #4)

def test_what_someone_called_a_phrase_is_their_claim_unless_inside_another(run):
    _, claims = run("The ferry stopped running after what the harbour master called a storm of the decade.")
    c = one(claims, "called")
    assert c.source == "harbour master" or "harbour master" in c.source
    assert "storm of the decade" in c.text
    _, claims = run("The envoy condemned what he called a brazen breach of the truce.")
    assert [c.cue for c in claims] == ["condemned"]   # the phrase's attribution is part of the outer claim


def test_call_with_a_predicate_the_parser_hangs_elsewhere(run):
    _, claims = run("The port authority called the new tariffs unfair and dangerous for local fishers.")
    c = one(claims, "called")
    assert "tariffs unfair" in c.text and "port authority" in c.source


def test_view_verbs_need_an_as_predicate(run):
    _, claims = run("Local farmers regard the new canal as a threat to their wells.")
    c = one(claims, "regard")
    assert "farmers" in c.source and "as a threat" in c.text
    _, claims = run("The council considered the canal plan on Monday.")
    assert not [c for c in claims if c.cue == "considered"]


def test_speaker_right_before_a_gerund(run):
    _, claims = run("The film closes with footage of Moreau saying during the hearing, \u201cI never signed it.\u201d")
    c = one(claims, "saying")
    assert c.source == "Moreau" and "I never signed it" in c.text


def test_seem_gives_a_sourceless_claim(run):
    _, claims = run("The new levy seems too costly for most fishing villages.")
    c = one(claims, "seems")
    assert c.source is None and c.text.startswith("The new levy")
    _, claims = run("The mayor appeared in court on Monday.")
    assert not [c for c in claims if c.cue == "appeared"]
    _, claims = run("They built what appears to be a second runway.")
    assert not [c for c in claims if c.cue == "appears"]


def test_publishing_a_document_and_as_x_put_it(run):
    _, claims = run("The union released a video showing the flooded docks.")
    c = one(claims, "released")
    assert "union" in c.source and c.text.startswith("a video")
    _, claims = run("The army released the prisoners at dawn.")
    assert not [c for c in claims if c.cue == "released"]
    _, claims = run("Neighbouring states sent a clear message to the junta.")
    assert not [c for c in claims if c.cue == "sent"]
    _, claims = run("The harbour is the town's lifeline, as the mayor put it.")
    c = one(claims, "put")
    assert "mayor" in c.source and c.text == "The harbour is the town's lifeline"


def test_express_needs_what_the_feeling_is_about(run):
    _, claims = run("Dock workers have expressed deep concern about the new shift rules.")
    c = one(claims, "expressed")
    assert "Dock workers" in c.source and "about the new shift rules" in c.text
    _, claims = run("Dock workers expressed strong support for the strike.")
    assert not [c for c in claims if c.cue == "expressed"]


def test_according_to_when_the_parse_misses_the_source(run):
    _, claims = run("According to harbour pilot Anna Kovacs, the channel reeks of neglect.")
    c = one(claims, "According to")
    assert "Kovacs" in c.source and c.text == "the channel reeks of neglect"
    _, claims = run("The mayor ignored the warnings, according to show insiders.")   # "show" parsed a verb
    c = one(claims, "according to")
    assert "insiders" in c.source and c.text == "The mayor ignored the warnings"


def test_trailing_attribution_with_an_object_takes_the_clause_before(run):
    _, claims = run("The levee could hold for another decade, but only if it is repaired, "
                    "engineer Tomas Berg told the Valley Gazette on Friday.")
    c = one(claims, "told")
    assert "Berg" in c.source and c.text.startswith("The levee could hold")
    _, claims = run("After the long meeting, the mayor told the council.")
    assert not [c for c in claims if c.cue == "told" and c.text.startswith("After")]


def test_stance_adjectives_and_impersonal_clear(run):
    _, claims = run("The senator has been critical of the dredging plan since the spring.")
    c = one(claims, "critical")
    assert c.source == "senator" or "senator" in c.source
    assert c.text == "the dredging plan"
    _, claims = run("Many fishers are afraid that the bay will close.")
    assert "bay will close" in one(claims, "afraid").text
    _, claims = run("It is clear that the talks over the canal have stalled.")
    c = one(claims, "clear")
    assert c.source is None and "talks over the canal have stalled" in c.text


def test_owned_stance_nouns_and_copula_subjects(run):
    _, claims = run("The senator is a staunch opponent of the dredging plan.")
    c = one(claims, "opponent")
    assert "senator" in c.source and c.text == "the dredging plan"
    _, claims = run("The governor's adulation of the old harbour master puzzled the town.")
    c = one(claims, "adulation")
    assert "governor" in c.source and "harbour master" in c.text
    _, claims = run("An opponent of the plan walked in.")
    assert not [c for c in claims if c.cue == "opponent"]


def test_in_a_poll_and_in_someones_eyes(run):
    _, claims = run("In the latest harbour poll, Varga leads Kovacs by four points.")
    c = one(claims, "In")
    assert "poll" in c.source and c.text.startswith("Varga leads")
    _, claims = run("Only the old ferries are safe in his eyes.")
    c = one(claims, "in")
    assert c.source == "his eyes" or "eyes" in c.source
    _, claims = run("In view of the storm, the ferry stayed in port.")
    assert not [c for c in claims if c.cue.lower() == "in"]
    _, claims = run("In a poll released Monday, 40 percent of fishers said the bay was overfished.")
    assert not [c for c in claims if c.cue.lower() == "in"]


def test_offer_advice_and_a_document_reads(run):
    _, claims = run("Captain Ilse Brandt offered some pointed advice to the new mayor on Friday.")
    c = one(claims, "offered")
    assert "Brandt" in c.source and c.text.startswith("some pointed advice")
    _, claims = run("\u201cWe will not let the bay die,\u201d the petition reads.")
    c = one(claims, "reads")
    assert "petition" in c.source and c.text == "We will not let the bay die"
    _, claims = run("She read the report on the train.")
    assert not [c for c in claims if c.cue == "read"]
# ---------------------------------------------------------------- joint sources ("X and Y said")

@pytest.fixture(scope="module")
def run_q():
    from sitrep.extract.pipeline import Pipeline
    pipe = Pipeline(stages=["entities", "claims", "quantities"])

    def _run(text: str):
        doc = Document.new(text)
        return doc, pipe.run(doc)
    return _run


def _spans_are_surfaces(doc, recs):
    for r in list(recs.claims) + list(recs.quantities):
        for s in r.co_sources:
            assert doc.text[s.start:s.end] == s.text, (r, s)
    for c in recs.claims:
        if c.source_start is not None:
            assert doc.text[c.source_start:c.source_end].strip()


def test_joint_unnamed_sources_one_claim_by_the_first_and_its_figure_keeps_both(run_q):
    doc, recs = run_q("The defence minister and the army chief said on Monday that about 4,000 soldiers had crossed.")
    said = [c for c in recs.claims if c.cue == "said"]
    assert len(said) == 1
    c = said[0]
    assert c.source == "defence minister" and doc.text[c.source_start:c.source_end] == "The defence minister"
    assert [(s.name, s.text) for s in c.co_sources] == [("army chief", "the army chief")]
    q = next(q for q in recs.quantities if q.value == 4000)
    assert q.source == "defence minister" and [s.name for s in q.co_sources] == ["army chief"]
    _spans_are_surfaces(doc, recs)


def test_a_list_of_three_names_gives_three_claims_each_naming_the_others(run_q):
    doc, recs = run_q("Vale, Brenn and Rind warned that 300 tanks were massing near the border.")
    warned = sorted((c for c in recs.claims if c.cue == "warned"), key=lambda c: c.source_start)
    assert [doc.text[c.source_start:c.source_end] for c in warned] == ["Vale", "Brenn", "Rind"]
    assert [sorted(s.text for s in c.co_sources) for c in warned] == [["Brenn", "Rind"], ["Rind", "Vale"],
                                                                      ["Brenn", "Vale"]]
    q = next(q for q in recs.quantities if q.value == 300)
    assert {q.source, *(s.name for s in q.co_sources)} == {"Vale", "Brenn", "Rind"}
    _spans_are_surfaces(doc, recs)


def test_according_to_two_titled_names(run_q):
    doc, recs = run_q("Up to 9,000 soldiers could join the fighting within days, according to the foreign "
                      "minister Ada Brenn and defence minister Oskar Vale.")
    acc = sorted((c for c in recs.claims if c.cue.lower() == "according to"), key=lambda c: c.source_start)
    assert [c.source for c in acc] == ["Ada Brenn", "Oskar Vale"]
    assert [s.text for s in acc[0].co_sources] == ["defence minister Oskar Vale"]
    assert acc[0].co_sources[0].entity_id in {e.id for e in recs.entities}
    q = next(q for q in recs.quantities if q.value == 9000)
    assert q.source == "Ada Brenn" and [s.name for s in q.co_sources] == ["Oskar Vale"]
    _spans_are_surfaces(doc, recs)


def test_coordinated_subjects_that_are_no_joint_source(run_q):
    # a coordinated subject of a sentence that attributes nothing makes no claim and no co-source
    doc, recs = run_q("Russia and Ukraine exchanged 300 prisoners on Friday.")
    assert not recs.claims
    q = next(q for q in recs.quantities if q.value == 300)
    assert q.source is None and q.co_sources == ()
    # ... nor when someone else reports it
    doc, recs = run_q("Russia and Ukraine exchanged 300 prisoners, the mediator said.")
    c = one(recs.claims, "said")
    assert c.source == "mediator" and c.co_sources == ()
    # two titles of one person are one source
    doc, recs = run_q("The former envoy and current defence adviser said the talks had failed.")
    c = one(recs.claims, "said")
    assert len(recs.claims) == 1 and c.co_sources == () and "envoy" in c.source


def test_relative_clause_whose_gap_is_the_object(run):
    # the noun the clause modifies is what its subject loves, backs or feels
    doc, claims = run("Everyone remembers the old bridge that the mayor loved.")
    c = one(claims, "loved")
    assert c.text == "the old bridge" and "mayor" in c.source
    doc, claims = run("The plan, which the union backed at first, failed.")
    c = one(claims, "backed")
    assert c.text == "The plan" and "union" in c.source
    # what someone wrote or cited names a thing, not a view
    doc, claims = run("Residents read the two guides the mayor wrote last year.")
    assert not [c for c in claims if c.cue == "wrote"]
    # a clause with its own object, or a time, is no gap
    doc, claims = run("The week the council said it would resign, the river rose.")
    assert not [c for c in claims if c.text in ("The week", "week")]


def test_weak_agentive_verbs_take_a_holder_as_subject(run):
    doc, claims = run("But they stressed that the ferry would keep running through the winter.")
    c = one(claims, "stressed")
    assert c.source == "they" or "they" in c.source.lower() or c.source_start is not None
    assert "ferry would keep running" in c.text
    # "they show" stays the reading of things, not a claim
    doc, claims = run("The gauges are old, and they show that the river is rising.")
    assert not [c for c in claims if c.cue == "show"]


def test_kin_nouns_can_hold_a_view(run):
    doc, claims = run("Her brother wants to leave the city before the winter.")
    c = one(claims, "wants")
    assert "brother" in c.source and c.text == "to leave the city before the winter"


def test_seem_with_a_verb_of_saying_or_belief_is_the_subjects_claim(run):
    doc, claims = run("Last week Ms. Vane appeared to blame the night crews for the flooding.")
    c = next(c for c in claims if c.cue.startswith("appeared to blame"))
    assert c.source == "Ms. Vane" or "Vane" in c.source
    assert "flooding" in c.text and not [x for x in claims if x.cue == "appeared"]
    # a coordinated "seemed to think" shares its subject: one claim, not a sourceless "seemed" beside it
    doc, claims = run("Vane largely agreed with Dale and seemed to think the outreach was phony.")
    assert [c.cue for c in claims if "seem" in c.cue] == ["seemed to think"]
    # with no speaking subject "seems" stays a claim nobody is named for
    doc, claims = run("The plan seems to be a real burden for the harbour.")
    c = one(claims, "seems")
    assert c.source_start is None


def test_stance_toward_a_person_pronoun_is_content(run):
    doc, claims = run("The fishermen met the governor in May, and they openly despised him.")
    c = one(claims, "despised")
    assert c.text == "him"


def test_object_control_gives_the_infinitives_speaker(run):
    doc, claims = run("The inquiry forced Ms. Dale, who was under oath, to admit that the logs had been lost.")
    c = one(claims, "admit")
    assert "Dale" in c.source and "logs had been lost" in c.text
    doc, claims = run("The shelling led the journalist Ada Ivans to fear a wider war.")
    c = one(claims, "fear")
    assert "Ada Ivans" in c.source


def test_relative_clause_claim_inside_another_claim_is_part_of_it(run):
    # an attribution inside a relative clause is a phrase's: within another claim it is not its own
    doc, claims = run("The governor said the dam that the engineers admire would hold.")
    assert [c.cue for c in claims] == ["said"]


def test_generic_you_holds_no_view(run):
    doc, claims = run("Do you know where the ferry schedule is? If you would never sail at night, why book the late boat?")
    assert not [c for c in claims if c.source and c.source.lower() == "you"]
    # what "you" is said to have said stays a claim
    doc, claims = run('"You said the bridge would open in May," the councillor told the mayor.')
    assert "councillor" in one(claims, "told").source


def test_a_claim_inside_another_claims_content_is_that_claims_to_report(run):
    doc, claims = run("The harbour master said the ferry crews claimed that the pier had flooded overnight.")
    c = one(claims, "said")
    assert "pier had flooded" in c.text and "harbour master" in c.source
    assert not [x for x in claims if x.cue == "claimed"]   # one attribution per stretch of text
    doc, claims = run("The mayor said that the convoy had reportedly crossed the bridge at dawn.")
    assert one(claims, "said") and one(claims, "reportedly")   # a sourceless hedge inside it stays
    doc, claims = run("The union published a statement condemning the ferry operator for the cancellations.")
    assert "ferry operator" in one(claims, "condemning").text   # what the statement says


def test_title_case_headline_is_read_in_sentence_case():
    from sitrep.extract.headline_case import headline_span, sentence_case
    text = "Harbour Chief Warns Ferry Crews Of Rising Water.\n\nThe harbour chief Mara Lind spoke on Friday."
    assert headline_span(text) == (0, text.index("\n"))
    line = text[:text.index("\n")]
    folded = sentence_case(line, text[len(line):])
    assert folded == "Harbour chief warns ferry crews of rising water."
    assert len(folded) == len(line)
    body = "\n\nMara Lind, the harbour chief, spoke to the U.N. on Friday."
    assert sentence_case("Lind Tells U.N. Ferry Crews To Wait", body) == "Lind tells U.N. ferry crews to wait"
    assert headline_span("The harbour chief said the water was rising.\n\nMore text.") is None


def test_title_case_headline_claim(run):
    doc, claims = run("Port Chief Mara Lind Warns Ferry Crews Of Rising Water.\n\n"
                      "Mara Lind spoke to reporters at the quay on Friday morning before the ferries left.")
    c = one(claims, "Warns")
    assert "Lind" in c.source and "Rising Water" in c.text


def test_headline_in_capitals_claim(run):
    doc, claims = run("PORT CHIEF MARA LIND WARNS FERRY CREWS OF RISING WATER\n\n"
                      "Mara Lind spoke to reporters at the quay on Friday morning before the ferries left.")
    c = one(claims, "WARNS")
    assert "LIND" in c.source and "RISING WATER" in c.text
    assert doc.text[c.start:c.end] == c.text


def test_no_reply_to_a_request_for_comment_is_a_claim_but_a_reply_to_shelling_is_not(run):
    _, claims = run("The port authority did not immediately respond to requests for comment.")
    c = [c for c in claims if "respond" in c.cue]
    assert c and "port authority" in c[0].source and c[0].text == "requests for comment"
    _, claims = run("The garrison responded to the shelling with mortar fire.")
    assert not [c for c in claims if "respond" in c.cue]
