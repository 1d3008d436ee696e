"""The gazetteer and which capitalised words count as places: countries and US states anywhere, a capital
for its country, a city or region only where the text puts something there."""
from __future__ import annotations

import pytest

from factcheck.places import Place, find_places, fold


def keys(lexicon, text: str) -> list[str]:
    return [m.place.key for m in find_places(text, lexicon.locative, lexicon.place_nouns)]


def test_a_country_counts_anywhere_it_is_capitalised(lexicon):
    assert keys(lexicon, "Syria rejected the plan on Tuesday.") == ["SY"]
    assert keys(lexicon, "Officials in Syria rejected the plan.") == ["SY"]


def test_a_us_state_counts_anywhere(lexicon):
    assert keys(lexicon, "Texas voted early this year.") == ["Texas, US"]


def test_a_lower_case_word_is_no_place(lexicon):
    assert keys(lexicon, "the chad on the ballot was torn") == []


def test_a_name_after_another_capitalised_word_is_a_surname(lexicon):
    assert keys(lexicon, "Coach Michael Jordan smiled.") == []
    assert keys(lexicon, "Senator Hillary Clinton spoke in Texas.") == ["Texas, US"]


def test_a_capital_without_a_locative_word_stands_for_its_country(lexicon):
    assert keys(lexicon, "Moscow said the talks were over.") == ["RU"]
    assert keys(lexicon, "Kyiv denied it.") == ["UA"]


def test_a_capital_after_a_locative_word_is_the_city(lexicon):
    [key] = keys(lexicon, "Crowds gathered in Kyiv.")
    assert key.endswith(", UA") and key != "UA"


def test_a_city_after_a_locative_word(lexicon):
    assert keys(lexicon, "Shells fell near Aleppo overnight.") == ["Aleppo, SY"]
    assert keys(lexicon, "The depot in Homs burned.") == ["Homs, SY"]


def test_a_city_or_region_before_a_place_noun(lexicon):
    assert keys(lexicon, "Shelling hit Idlib province again.") == ["Idlib, SY"]
    assert keys(lexicon, "Aleppo city was quiet.") == ["Aleppo, SY"]


def test_a_city_in_an_upper_case_dateline(lexicon):
    assert keys(lexicon, "HOMS, Syria - Shelling resumed.") == ["Homs, SY", "SY"]


def test_a_city_with_no_locative_word_is_refused(lexicon):
    assert keys(lexicon, "Aleppo fell silent.") == []
    assert keys(lexicon, "Homs, the rebels said, was calm.") == []  # not upper case: no dateline


def test_a_possessive_is_a_person_not_a_city(lexicon):
    assert keys(lexicon, "He worked in Clinton's campaign.") == []
    assert keys(lexicon, "The rally was held in Clinton.") == ["Clinton, US"]


def test_a_surname_that_is_also_a_town_is_refused_without_a_locative(lexicon):
    assert keys(lexicon, "Clinton said the vote was fair.") == []


def test_mentions_carry_their_offsets_without_the_possessive(lexicon):
    text = "Ukraine's army said so."
    [m] = find_places(text, lexicon.locative, lexicon.place_nouns)
    assert text[m.start:m.end] == "Ukraine" and m.place.kind == "country"


def test_two_cities_each_after_their_own_locative(lexicon):
    assert keys(lexicon, "Blasts in Kharkiv and in Odesa.") == ["Kharkiv, UA", "Odesa, UA"]


def test_a_second_city_sharing_one_locative_word(lexicon):
    assert keys(lexicon, "Blasts in Lyon and Marseille.") == ["Lyon, FR", "Marseille, FR"]


def test_fold_ignores_accents_case_spaces_and_hyphens():
    assert fold("Deir ez-Zor") == fold("Deir Ezzor") == "deirezzor"
    assert fold("Ḩamāh") == "hamah"


def test_place_keys_and_within():
    city = Place("Homs", "city", "SY", 700000)
    country = Place("Syria", "country", "SY")
    assert city.key == "Homs, SY" and country.key == "SY"
    assert city.within(country) and city.within(city)
    assert not country.within(city)
    assert not city.within(Place("Iraq", "country", "IQ"))


def test_an_event_word_and_on_place_a_town(lexicon):
    events = frozenset(w for w in lexicon.events if " " not in w)
    found = find_places("A mortar strike on Sialkot killed nine people.", lexicon.locative, lexicon.place_nouns,
                        targets=events)
    assert [m.place.key for m in found] == ["Sialkot, PK"]
    assert find_places("The senator commented on Clinton today.", lexicon.locative, lexicon.place_nouns,
                       targets=events) == []


def test_the_gazetteer_is_read_back_from_its_cache(tmp_path, monkeypatch):
    from factcheck import places
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places.gazetteer.cache_clear()
    built = places.gazetteer()  # from the packages: the cache directory is empty
    places.gazetteer.cache_clear()
    assert places._cache_path().is_relative_to(tmp_path) and places._cache_path().exists()
    read = places.gazetteer()
    assert read is not built and read["aleppo"] == built["aleppo"] and [p.lat for p in read["aleppo"]] == [
        p.lat for p in built["aleppo"]]
    assert "aleppo" in read and "nowhereville" not in read and read.get("nowhereville") is None
    places.gazetteer.cache_clear()


def test_a_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    from factcheck import places
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    places._cache_path().parent.mkdir(parents=True)
    places._cache_path().write_bytes(b"not a pickle")
    places.gazetteer.cache_clear()
    assert places.gazetteer()["kharkiv"][0].country == "UA"
    places.gazetteer.cache_clear()


def test_the_land_around_a_city_is_not_the_city(lexicon):
    mods = lexicon.place_modifiers
    assert [m.place.key for m in find_places("Shelling in rural Homs killed four.", lexicon.locative,
                                             lexicon.place_nouns, mods)] == []
    assert [m.place.key for m in find_places("Shelling in eastern Homs killed four.", lexicon.locative,
                                             lexicon.place_nouns, mods)] == ["Homs, SY"]


def test_a_name_before_in_a_known_place_and_a_place_noun_lies_within_it(lexicon):
    assert keys(lexicon, "Kramatorsk in Donetsk region was shelled overnight.") == ["Kramatorsk, UA", "Donetsk, UA"]
    assert keys(lexicon, "Kramatorsk was shelled overnight.") == []  # a town needs something that places it
    assert keys(lexicon, "Clinton in Iowa spoke to voters.") == keys(lexicon, "He spoke in Iowa.")  # no place noun
