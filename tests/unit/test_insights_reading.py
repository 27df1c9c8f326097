"""Reading free text: employer phrases and thinking-trap wording, in English and French, on many phrasings."""

from __future__ import annotations

import pytest

from insights_package import onward_insights  # noqa: F401 - puts the shipped package on the path
from onward_insights._employer import reason_counts, reasons_in
from onward_insights._reading import cues, fold, found_cues, negated, phrase_pattern, reading_form
from onward_insights._traps import TRAP_CUES, traps_in

TRAPS = tuple(TRAP_CUES)


def reasons(words: str) -> list[str]:
    return [reason.id for reason in reasons_in(words)]


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # Budget and funding
        ("The role was cut for budget reasons.", {"budget", "role-changed"}),
        ("Unfortunately funding for the post fell through", {"budget"}),
        ("There is a hiring freeze across the company", {"budget"}),
        ("Le poste n'a pas été ouvert pour des raisons budgétaires.", {"budget"}),
        ("Gel des recrutements jusqu’à nouvel ordre", {"budget"}),
        # Internal candidates
        ("They went with an internal candidate.", {"internal-candidate"}),
        ("The position was filled internally", {"internal-candidate"}),
        ("They appointed someone from within the team", {"internal-candidate"}),
        ("Le poste a été pourvu en interne.", {"internal-candidate"}),
        ("Ils ont retenu une candidature interne", {"internal-candidate"}),
        # More experience
        ("We were looking for someone with more experience.", {"more-experience"}),
        ("The successful candidate was more experienced in the sector", {"more-experience", "another-candidate"}),
        ("Lack of experience with large budgets", {"more-experience", "budget"}),
        ("Il vous manque encore un peu d’expérience terrain.", {"more-experience"}),
        ("Nous recherchions un profil plus senior.", {"more-experience"}),
        ("They wanted five years’ experience", {"more-experience"}),
        # Went another way
        ("They decided to go another way.", {"another-candidate"}),
        ("We have decided to proceed with other candidates whose experience more closely matches", {"another-candidate"}),
        ("Nous avons retenu un autre candidat dont le profil correspond davantage.", {"another-candidate"}),
        ("They chose someone else", {"another-candidate"}),
        # Many applicants
        ("We had a very high volume of applications", {"many-applicants"}),
        ("The field was very strong this year", set()),  # "very strong" alone is not a phrase it knows
        ("Nous avons reçu de très nombreuses candidatures de grande qualité.", {"many-applicants"}),
        # Online tests
        ("Your online test score did not meet our benchmark", {"online-tests"}),
        ("You did not pass the numerical reasoning test", {"online-tests"}),
        ("Vos résultats aux tests en ligne ne nous permettent pas de poursuivre.", {"online-tests"}),
        # No reason given
        ("No reason given.", {"no-reason"}),
        ("just a generic email", {"no-reason"}),
        ("Automated rejection, nothing else", {"no-reason"}),
        ("Unfortunately you have not been successful on this occasion.", {"no-reason"}),
        ("Je n'ai eu aucun retour, juste un mail type.", {"no-reason"}),
        ("Réponse automatique, sans explication", {"no-reason"}),
        ("Ghosted after two weeks", {"no-reason"}),
        # Encouraging words
        ("It was very close and we will keep your details on file", {"encouraging"}),
        ("Nous conservons votre CV dans notre vivier.", {"encouraging"}),
        # Practical things, salary, fit
        ("The location did not work for the team's hours", {"practical"}),
        ("Your salary expectations were above the range", {"salary"}),
        ("Vos prétentions salariales dépassent notre grille salariale", {"salary"}),
        ("We did not feel it was the right fit for the team", {"fit"}),
        # Nothing it knows
        ("", set()),
        ("Spoke to Jo on Tuesday.", set()),
    ],
)
def test_employer_phrases_are_recognised_in_english_and_french(said, expected):
    assert set(reasons(said)) == expected


@pytest.mark.parametrize(
    ("said", "not_expected"),
    [
        ("It was not about experience, just budget.", "more-experience"),
        ("Ce n'était pas une question d'expérience.", "more-experience"),
        ("Nothing to do with your skills", "skills"),
        ("It was not about your qualifications", "skills"),
        ("Ce n'est pas lié à vos compétences", "skills"),
    ],
)
def test_a_reason_turned_round_by_not_is_left_out(said, not_expected):
    assert not_expected not in reasons(said)


def test_no_reason_given_counts_only_when_nothing_else_was_said():
    assert reasons("Unfortunately on this occasion we went with an internal candidate.") == ["internal-candidate"]
    assert reasons("Unfortunately on this occasion.") == ["no-reason"]


def test_reasons_are_counted_once_per_message_most_often_first():
    counts = reason_counts(["Budget, budget, budget.", "An internal candidate.", "Budget cuts.", "", "   "])
    assert [(reason.id, count) for reason, count in counts] == [("budget", 2), ("internal-candidate", 1)]


def test_folding_makes_accents_apostrophes_and_spaces_plain():
    assert fold("Expérience d’équipe\u00a0: déjà vu — œuvre") == "Experience d'equipe : deja vu - oeuvre"


def test_a_plain_negative_is_not_a_negation():
    """Rejections are written in negatives: "you did not have" still gives the reason."""
    assert reasons("You did not have the relevant experience") == ["more-experience"]
    assert reasons("You did not pass the numerical reasoning test") == ["online-tests"]


def test_the_negation_stays_in_its_clause():
    text = fold("It was nothing to do with budget, but more experience would help")
    assert not negated(text, text.index("more experience"))
    assert negated(text, text.index("budget"))


@pytest.mark.parametrize(
    ("thought", "expected"),
    [
        ("I always mess up interviews.", {"overgeneralising"}),
        ("NOBODY will hire me", {"overgeneralising", "fortune-telling"}),
        ("No one ever calls back", {"overgeneralising"}),
        ("Every time it's the same", {"overgeneralising"}),
        ("I'll never get a job", {"fortune-telling"}),
        ("I’ll never get a job", {"fortune-telling"}),
        ("I won’t ever get there", {"fortune-telling"}),
        ("There's no point applying again", {"fortune-telling"}),
        ("It was a total disaster and everything went wrong", {"all-or-nothing", "catastrophising"}),
        ("It was terrible", {"catastrophising"}),
        ("They must have thought I was an idiot", {"mind-reading", "labelling"}),
        ("they think I'm slow", {"mind-reading"}),
        ("I'm such a loser, so stupid", {"labelling"}),
        ("I'm a failure", {"labelling"}),
        ("It was all my fault", {"personalising"}),
        ("There must be something about me", {"personalising"}),
        ("All I can think about is that one question", {"mental-filter"}),
        ("Getting to the final round doesn't count", {"discounting-the-positive"}),
        ("It was just luck that I got that far", {"discounting-the-positive"}),
        ("I should have prepared more, I ought to know this", {"should-statements"}),
        ("I must be perfect", {"all-or-nothing"}),
        ("I must have rambled", set()),
        ("I should go for a walk later", {"should-statements"}),
        ("Nevermore shouldered idiotic alwayses failures", set()),
        ("The interview was on Tuesday and went fine.", set()),
        # French
        ("Je ne trouverai jamais de travail.", {"fortune-telling"}),
        ("Je suis nulle, je rate toujours tout.", {"labelling", "overgeneralising"}),
        ("Ils ont dû penser que je n’étais pas à la hauteur.", {"mind-reading", "labelling"}),
        ("C’est de ma faute, j’aurais dû mieux me préparer.", {"personalising", "should-statements"}),
        ("Il y a forcément quelque chose qui cloche chez moi.", {"personalising"}),
        ("Ça ne sert à rien de postuler, ce sera la même chose.", {"fortune-telling"}),
        ("C'est une catastrophe, ma carrière est finie.", {"catastrophising"}),
        ("Arriver en finale ne compte pas, c’était juste de la chance.", {"discounting-the-positive"}),
        ("Je ne pense qu'à cette question ratée.", {"mental-filter"}),
        ("Tout le monde trouve un poste sauf moi.", {"overgeneralising"}),
        ("L’entretien était mardi et s’est bien passé.", set()),
    ],
)
def test_thinking_trap_wording_is_recognised_in_english_and_french(thought, expected):
    assert set(traps_in(thought, TRAPS)) == expected


def test_only_traps_the_worksheet_offers_are_suggested():
    assert traps_in("I'll never get a job, it's my fault", ("personalising",)) == ["personalising"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Je suis nul.", True),
        ("nul", True),
        # Letters folding leaves as they are still belong to the word around them.
        ("nulð", False),
        ("ðnul", False),
        ("Ønul", False),
        ("nulɏ", False),
        ("nul ð", True),
        ("nulˆ", True),  # a modifier, not a letter
        ("nul\x01", True),  # a control character typed or pasted is no letter either
        ("nulé", False),
        ("NUL!", True),
    ],
)
def test_a_phrase_is_found_only_as_whole_words_whatever_letters_surround_it(text, found):
    assert bool(found_cues(text, cues(["nul"]))) is found


def test_a_star_takes_in_every_letter_of_the_word_it_ends():
    assert found_cues("Être embauchée bientôt", cues(["etre embauche*"]))
    assert not found_cues("Être embauchéeð", cues(["etre embauche"]))


def test_the_reading_form_keeps_every_place_where_it_was():
    typed = "Il m’a dit « c’est fini » : ł, ŀ, Œuvre, ß."
    assert len(reading_form(typed)) == len(fold(typed))
    assert reading_form(typed).isascii()


def test_a_phrase_that_folding_cannot_make_plain_is_refused_when_written():
    """Every phrase is matched in ASCII; a letter beyond it would never be found."""
    with pytest.raises(ValueError, match="łódź"):
        phrase_pattern("łódź")
