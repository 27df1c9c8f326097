"""Thinking traps in a thought's wording, in English and French: a gentle guess, never a diagnosis.

Each trap has a few phrases that often carry it ("I'll never", "my fault", "they must have
thought"). Matching them says only that the wording may fit a trap; the reader knows what
they meant, and the insight says so. Phrases that read alike are told apart by what follows:
"there must be something about me" is personalising, not a "should".
"""

from __future__ import annotations

from ._reading import Cue, cues, found_cues

_NOT_BE = r"\s+(?:be|have|think|thinks|been)(?![A-Za-z])"

# Trap value (as in the worksheet's options) -> the phrases that can hint at it. A value the
# worksheet no longer offers is simply never suggested.
TRAP_CUES: dict[str, tuple[Cue, ...]] = {
    "all-or-nothing": cues(
        (
            "complete failure", "total failure", "complete disaster", "total disaster", "completely",
            "totally", "perfect", "perfectly", "all or nothing", "whole thing", "entire thing",
            "nothing went right", "nothing right", "everything went wrong", "everything wrong", "echec total",
            "echec complet", "completement", "totalement", "parfait", "parfaite", "parfaitement", "tout ou rien",
            "tout rate", "tout gache", "rien de bon", "rien de bien", "rien n'a marche", "tout est a refaire",
        ),
        negatable=False,
    ),
    "overgeneralising": cues(
        (
            "always", "every time", "everyone", "everybody", "nobody", "no one", "no-one", "all the time",
            "every single", "this always happens", "again and again", "i never", "je n'ai jamais", "jamais personne", "toujours", "a chaque fois", "chaque fois",
            "tout le monde", "tout le temps", "encore une fois", "comme d'habitude",
        ),
        negatable=False,
    ),
    "catastrophising": cues(
        (
            "disaster", "disastrous", "ruined", "ruin", "catastrophe", "catastrophic", "end of the world",
            "never work again", "career is over", "it's over", "it is over", "lose everything", "terrible",
            "awful", "desastre", "catastrophique", "fichu", "fichue", "foutu", "foutue", "c'est fini",
            "la fin du monde", "carriere est finie", "tout perdre", "horrible", "plus jamais travailler",
        ),
        negatable=False,
    ),
    "mind-reading": cues(
        (
            "they think", "they thought", "they must think", "they must have thought", "they probably think",
            "they probably thought", "they all think", "they could tell", "they saw that", "they knew",
            "they didn't like me", "they did not like me", "they hated", "the panel thought", "the panel must",
            "he thought", "she thought", "he thinks", "she thinks", "everyone thinks", "everyone thought",
            "ils pensent", "ils ont pense", "ils ont du penser", "ils doivent penser", "ils ont vu que",
            "ils ont compris que", "ils me trouvent", "ils m'ont trouve", "le jury a pense", "le jury a du",
            "ils ne m'aimaient pas", "ils se sont dit", "elle a pense", "il a pense", "tout le monde pense",
        ),
        negatable=False,
    ),
    "fortune-telling": cues(
        (
            "will never", "i'll never", "won't ever", "never going to", "going to fail", "no point",
            "won't get", "will not get", "will turn me down", "will say no", "will be the same", "nobody will",
            "no one will", "never get", "never find", "ne trouverai jamais", "n'y arriverai jamais",
            "ne serai jamais", "n'aurai jamais", "jamais je ne", "ca ne sert a rien", "ca sert a rien",
            "a quoi bon", "ils vont me dire non", "vont me refuser", "ce sera pareil", "ce sera la meme chose",
            "personne ne voudra", "personne ne va",
        ),
        negatable=False,
    ),
    "labelling": cues(
        (
            "i'm a failure", "i am a failure", "a failure", "useless", "stupid", "loser", "idiot", "worthless",
            "pathetic", "hopeless", "incompetent", "not good enough", "rubbish", "a fraud", "unemployable",
            "nul", "nulle", "bon a rien", "bonne a rien", "incompetente", "un rate", "une ratee", "je suis rate",
            "idiote", "stupide", "pas a la hauteur", "pas assez bien", "inutile", "un echec",
            "imposteur", "inemployable", "je ne vaux rien",
        ),
        negatable=False,
    ),
    "personalising": cues(
        (
            "my fault", "because of me", "something about me", "something wrong with me", "it's me",
            "it is me", "it was me", "blame myself", "all on me", "down to me", "i ruined", "i let everyone down",
            "ma faute", "a cause de moi", "quelque chose chez moi", "quelque chose qui cloche chez moi",
            "c'est moi le probleme", "je suis le probleme", "le probleme c'est moi", "je m'en veux",
            "c'est de ma faute",
        ),
        negatable=False,
    ),
    "mental-filter": cues(
        (
            "all i can think about", "can't stop thinking about", "cannot stop thinking about",
            "only thing i remember", "all i remember", "only the bad", "just that one", "that one question",
            "je ne pense qu'a", "je n'arrete pas de penser", "je ne retiens que", "tout ce dont je me souviens",
            "que cette question", "que ce moment",
        ),
        negatable=False,
    ),
    "discounting-the-positive": cues(
        (
            "doesn't count", "does not count", "didn't count", "means nothing", "meant nothing", "just luck",
            "only luck", "fluke", "anyone could", "just being nice", "just being polite", "only being polite",
            "ca ne compte pas", "ne compte pas", "ca ne veut rien dire", "juste de la chance", "coup de chance",
            "par chance", "n'importe qui", "juste pour etre gentil", "par politesse",
        ),
        negatable=False,
    ),
    "should-statements": cues(
        (
            "should have", "should've", "shouldn't have", "should not have", ("i should", r"\s+have"),
            "ought to", ("i must", _NOT_BE), ("i have to be", ""), "i need to be", "supposed to",
            "j'aurais du", "je n'aurais pas du", "je devrais", "il faut que je", "il aurait fallu",
            ("je dois", r"\s+(?:etre|avoir)(?![A-Za-z])"), "j'aurais du etre",
        ),
        negatable=False,
    ),
}


def traps_in(words: str, offered: tuple[str, ...]) -> list[str]:
    """The traps (among those the worksheet offers) whose phrases occur in the words, in form order."""
    return [trap for trap in offered if trap in TRAP_CUES and found_cues(words, TRAP_CUES[trap])]
