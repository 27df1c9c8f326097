"""What employers said: common phrases in rejection messages, in English and French, sorted into reasons.

A reader notes "what they said" in their own words. The phrases here catch the usual ways
employers put things (a budget, an internal candidate, more experience, the online tests, no
reason at all) so the log can count them across applications. It is a guess from the words
and the insight says so; a reason appears once per message however often it is mentioned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ._i18n import N_
from ._reading import Cue, cues, found_cues

# What kind of reason it is, which decides what the insight makes of it.
OUTSIDE = "outside"  # outside the reader's control
WORK_ON = "work-on"  # something the reader could work on
WORTH_A_LOOK = "worth-a-look"  # worth a look, but often a matter of two sides
NO_REASON = "no-reason"
ENCOURAGING = "encouraging"


@dataclass(frozen=True)
class EmployerReason:
    """One kind of thing employers say, with its name for running text and the phrases that signal it."""

    id: str
    kind: str
    name: str  # an msgid: how the reason reads inside a sentence
    cues: tuple[Cue, ...]


REASONS: tuple[EmployerReason, ...] = (
    EmployerReason(
        "internal-candidate",
        OUTSIDE,
        N_("an internal candidate"),
        cues(
            (
                "internal candidate*", "internal applicant*", "internal hire*", "internal appointment",
                "internal promotion", "internal move", "hired internally", "appointed internally",
                "recruited internally", "filled internally", "filled the role internally", "someone internal",
                "someone from inside", "someone from within", "promoted from within", "existing member of staff",
                "existing staff", "existing employee*", "current employee*", "someone already in the team",
                "candidat* interne*", "candidature* interne*", "en interne", "recrutement interne",
                "promotion interne", "mobilite interne", "collaborat* interne*", "personne en interne",
                "quelqu'un en interne", "deja dans l'entreprise", "deja dans l'equipe", "deja en poste",
            )
        ),
    ),
    EmployerReason(
        "budget",
        OUTSIDE,
        N_("budget or funding"),
        cues(
            (
                "budget*", "funding", "funds", "cost cut*", "cost saving*", "cut costs", "cutbacks",
                "financial reason*", "financial constraint*", "financial situation", "hiring freeze",
                "recruitment freeze", "freeze on hiring", "freeze on recruitment", "budgetaire*", "financement*",
                "raisons financieres", "contrainte* financiere*", "contexte economique", "gel des embauches",
                "gel des recrutements", "gel du recrutement", "restrictions budgetaires", "economies",
            )
        ),
    ),
    EmployerReason(
        "role-changed",
        OUTSIDE,
        N_("the role changing, or being put on hold"),
        cues(
            (
                "withdrawn", "on hold", "cancelled", "canceled", "no longer recruiting", "not recruiting",
                "decided not to fill", "not to fill the role", "not to proceed with the role",
                "not to go ahead with the role", "restructur*", "reorganis*", "reorganiz*", "role has changed",
                "role changed", "scope of the role", "no longer available", "role was cut", "position was cut",
                "role no longer exists", "poste supprime", "poste a ete supprime", "supprime le poste",
                "poste annule", "recrutement annule", "annule le recrutement", "mis en attente", "en suspens",
                "suspendu*", "poste gele", "ne plus recruter", "ne pas pourvoir", "restructuration*",
                "reorganisation*", "le poste a evolue", "n'est plus d'actualite",
            )
        ),
    ),
    EmployerReason(
        "another-candidate",
        OUTSIDE,
        N_("another candidate being a closer match"),
        cues(
            (
                "went another way", "gone another way", "go another way", "going another way",
                "another direction", "different direction", "other direction", "another candidate",
                "other candidate*", "another applicant", "other applicant*", "someone else", "closer match",
                "better match", "better fit", "more closely match*", "more closely aligned", "more suitable",
                "more suited", "better suited", "stronger candidate*", "stronger application*",
                "preferred candidate", "successful candidate", "chose someone", "chosen someone",
                "selected someone", "appointed someone", "offered the role to", "offered the position to",
                "autre candidat*", "autre candidature", "autre profil", "autres profils", "profil plus adapte",
                "profil plus proche", "correspond* davantage", "correspond* mieux", "plus adapte*",
                "plus en adequation", "autre direction", "une autre personne", "quelqu'un d'autre",
                "retenu un autre", "retenu une autre", "choisi un autre", "choisi une autre", "candidat retenu",
                "candidate retenue",
            )
        ),
    ),
    EmployerReason(
        "many-applicants",
        OUTSIDE,
        N_("the number of strong applicants"),
        cues(
            (
                "number of applications", "number of applicants", "high volume", "volume of applications",
                "many applications", "many applicants", "so many", "overwhelming response", "strong field",
                "competitive field", "very competitive", "highly competitive", "extremely competitive",
                "strong applicants", "strong candidates", "high calibre", "high caliber", "exceptional candidates",
                "oversubscribed", "hundreds of applications", "nombreuses candidatures", "nombre de candidatures",
                "grand nombre", "nombre important", "beaucoup de candidatures", "forte concurrence",
                "tres concurrentiel", "tres selectif", "excellents candidats", "excellentes candidatures",
                "candidats de grande qualite", "candidatures de grande qualite", "candidatures de qualite",
                "afflux de candidatures",
            )
        ),
    ),
    EmployerReason(
        "more-experience",
        WORK_ON,
        N_("wanting more experience"),
        cues(
            (
                "more experience", "more experienced", "lack of experience", "lacked experience",
                "lacking experience", "not enough experience", "limited experience", "insufficient experience",
                "years of experience", "years' experience", "years experience", "relevant experience",
                "industry experience", "sector experience", "direct experience", "hands-on experience",
                "practical experience", "commercial experience", "more senior", "more seniority", "track record",
                "plus d'experience", "plus experimente*", "manque d'experience", "manque experience",
                "pas assez d'experience", "peu d'experience", "experience insuffisante", "experience limitee",
                "annees d'experience", "ans d'experience", "experience significative", "experience terrain",
                "profil plus senior", "plus senior", "plus confirme*", "plus d'anciennete",
            )
        ),
    ),
    EmployerReason(
        "skills",
        WORK_ON,
        N_("skills or qualifications"),
        cues(
            (
                "skill*", "qualification*", "qualified", "technical", "knowledge of", "degree", "certification*",
                "competenc*", "essential criteria", "person specification", "criteria", "requirements",
                "competence*", "diplome*", "connaissance*", "criteres", "prerequis", "pre-requis", "exigences",
                "profil recherche",
            )
        ),
    ),
    EmployerReason(
        "online-tests",
        WORK_ON,
        N_("the online tests"),
        cues(
            (
                "online test*", "online assessment*", "aptitude test*", "psychometric*", "numerical reasoning",
                "verbal reasoning", "logical reasoning", "inductive reasoning", "situational judgement*",
                "situational judgment*", "cognitive test*", "test score*", "test result*", "pass mark",
                "required score", "minimum score", "the tests", "your tests", "game-based", "gamified",
                "test* en ligne", "evaluation* en ligne", "test* d'aptitude*", "test* psychotechnique*",
                "psychometrique*", "raisonnement numerique", "raisonnement verbal", "raisonnement logique",
                "score requis", "score minimum", "seuil", "resultats aux tests", "resultats des tests",
                "vos tests", "les tests",
            )
        ),
    ),
    EmployerReason(
        "interview-answers",
        WORK_ON,
        N_("how your answers came across"),
        cues(
            (
                "your answers", "your responses", "more examples", "specific examples", "concrete examples",
                "more detail", "more depth", "demonstrate", "evidence of", "star method", "star technique",
                "competency questions", "competency-based", "communication", "came across", "presentation",
                "nervous", "more confident", "confidence", "enthusiasm", "motivation for", "vos reponses",
                "vos exemples", "exemples concrets", "plus d'exemples", "plus de details", "plus approfondi*",
                "demontrer", "presentation", "stress", "confiance", "motivation", "enthousiasme",
            )
        ),
    ),
    EmployerReason(
        "fit",
        WORTH_A_LOOK,
        N_("fit with the team"),
        cues(
            (
                "cultur*", "fit with the team", "team fit", "values", "right fit", "fit in", "team dynamic*",
                "ways of working", "way of working", "valeurs", "adequation avec l'equipe", "integrer l'equipe",
                "s'integrer", "esprit d'equipe", "fonctionnement de l'equipe", "savoir-etre",
            )
        ),
    ),
    EmployerReason(
        "salary",
        WORTH_A_LOOK,
        N_("salary or pay"),
        cues(
            (
                "salary*", "pay", "pay range", "remuneration", "compensation", "package", "day rate",
                "salaire*", "salariale*", "pretentions", "grille salariale",
            )
        ),
    ),
    EmployerReason(
        "practical",
        OUTSIDE,
        N_("practical things, such as location or a start date"),
        cues(
            (
                "location", "relocat*", "commut*", "visa", "sponsorship", "right to work", "notice period",
                "start date", "availability", "driving licence", "driving license", "localisation",
                "demenagement", "trajet", "titre de sejour", "permis de travail", "preavis", "date de debut",
                "date de prise de poste", "disponibilite", "permis de conduire",
            )
        ),
    ),
    EmployerReason(
        "encouraging",
        ENCOURAGING,
        N_("encouraging words, such as keeping your details or how close it was"),
        cues(
            (
                "keep your details", "keep your cv", "keep your application", "keep you in mind", "on file",
                "talent pool", "future opportunit*", "future roles", "future vacancies", "apply again",
                "encourage you to apply", "reapply", "re-apply", "very close", "so close", "close second",
                "narrowly", "difficult decision", "tough decision", "hard decision", "impressed",
                "strong candidate", "enjoyed meeting you", "pleasure to meet you", "positive feedback",
                "conserver votre candidature", "conserver votre cv", "garder votre candidature", "garder votre cv",
                "garder votre profil", "vivier", "futures opportunites", "prochaines opportunites", "futurs postes",
                "n'hesitez pas a postuler", "postuler a nouveau", "repostuler", "tres proche", "de tres peu",
                "de justesse", "decision difficile", "choix difficile", "tres bon profil", "bonne impression",
                "impressionne*", "tres bon entretien", "excellent entretien", "plaisir de vous rencontrer",
            )
        ),
    ),
)

# Saying nothing: counted only when no reason above was found in the same message.
NO_REASON_GIVEN = EmployerReason(
    "no-reason",
    NO_REASON,
    N_("no reason given"),
    cues(
        (
            "no reason*", "without a reason", "without reason", "without explanation", "no explanation",
            "give a reason", "gave a reason", "say why", "said why", "explain why", "didn't explain",
            "did not explain", "no feedback", "not able to give feedback", "unable to give feedback",
            "unable to provide feedback", "cannot provide feedback", "can't give feedback", "don't give feedback",
            "do not give feedback", "do not provide feedback", "generic", "standard email", "standard rejection",
            "standard message", "standard reply", "template", "automated", "automatic email", "auto-reply",
            "form letter", "never heard back", "heard nothing", "no reply", "no response", "ghosted", "silence",
            "nothing", "not told", "didn't say", "did not say", "just said no", "on this occasion",
            "unsuccessful", "not been successful", "not to progress", "not progressing", "not be progressing",
            "not to proceed", "not be taking", "aucune raison", "pas de raison", "sans raison", "sans explication",
            "aucune explication", "sans motif", "aucun motif", "pas de motif", "sans retour", "aucun retour",
            "pas de retour", "pas de feedback", "aucun feedback", "message automatique", "mail automatique",
            "email automatique", "reponse automatique", "mail type", "message type", "reponse type",
            "reponse standard", "lettre type", "generique", "pas eu de reponse", "aucune reponse", "sans reponse",
            "rien", "donner suite", "suite favorable", "suite defavorable", "malheureusement",
        ),
        negatable=False,
    ),
)
ALL_REASONS: tuple[EmployerReason, ...] = (*REASONS, NO_REASON_GIVEN)


# A reason that, when found, makes another redundant: an internal candidate is the other candidate.
SUPERSEDES = {"internal-candidate": "another-candidate"}


def reasons_in(words: str) -> list[EmployerReason]:
    """The kinds of reason an employer's message seems to give, in list order; "no reason given" alone."""
    found = [reason for reason in REASONS if found_cues(words, reason.cues)]
    ids = {reason.id for reason in found}
    found = [reason for reason in found if not any(SUPERSEDES.get(other) == reason.id for other in ids)]
    if found:
        return found
    return [NO_REASON_GIVEN] if found_cues(words, NO_REASON_GIVEN.cues) else []


def reason_counts(messages: Sequence[str]) -> list[tuple[EmployerReason, int]]:
    """How many messages seem to give each reason, most often first (ties in list order), leaving out none."""
    named = [reasons_in(message) for message in messages if message.strip()]
    counts = [(reason, sum(reason in found for found in named)) for reason in ALL_REASONS]
    return sorted([pair for pair in counts if pair[1]], key=lambda pair: (-pair[1], ALL_REASONS.index(pair[0])))
