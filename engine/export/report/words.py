"""The words of the general report, in the current interface language (call inside ``use(lang)``).

One place for every output (HTML, XLSX, JSON), so that each phrase is translated once.
"""

from __future__ import annotations

from engine.conditions.describe import quoted, scale_label
from engine.i18n import _, ngettext


def title() -> str:
    return _("General report on the responses to the self-assessment questionnaires")


def mechanism() -> str:
    return _(
        "Mechanism for the Review of the Implementation of the United Nations Convention against Transnational Organized Crime "
        "and the Protocols thereto"
    )


def prepared(version: str, date: str, files: int) -> str:
    return ngettext(
        "Prepared with untoc {version} on {date} from {count} response file.",
        "Prepared with untoc {version} on {date} from {count} response files.",
        files,
    ).format(version=version, date=date, count=files)


def anonymous_note(marker: str) -> str:
    return _(
        "This report names no State: States are counted, never named, and in the texts quoted from the responses the names "
        "of States are replaced by {marker}. A quoted text may still point to a State in other ways: read the quotations "
        "before the report is published."
    ).format(marker=marker)


def redaction_marker() -> str:
    # Translators: replaces the name of a State in texts quoted in an anonymous report.
    return _("[State]")


def named_warning() -> str:
    return _(
        "This report names States. The responses are confidential: this report is for the internal use of the secretariat "
        "and must not be published."
    )


def contents() -> str:
    return _("Contents")


def coverage() -> str:
    return _("Coverage")


def difficulties() -> str:
    return _("Difficulties")


def assistance() -> str:
    return _("Technical assistance needs")


def per_question() -> str:
    return _("Answers per question")


def left_out() -> str:
    return _("Files left out")


def about() -> str:
    return _("About these figures")


def coverage_summary(read: int, reported: int, states: int, left: int) -> str:
    return _("{read}; {reported}, from {states}; {left}.").format(
        read=ngettext("{count} response file read", "{count} response files read", read).format(count=read),
        reported=ngettext("{count} reported on", "{count} reported on", reported).format(count=reported),
        states=ngettext("{count} State", "{count} States", states).format(count=states),
        left=ngettext("{count} left out", "{count} left out", left).format(count=left),
    )


def files_per_cluster() -> str:
    return _("Response files per cluster")


def cluster() -> str:
    return _("Cluster")


def cluster_number(roman: str) -> str:
    return _("Cluster {number}").format(number=roman)


def cluster_title(roman: str, name: str) -> str:
    return _("Cluster {number}: {name}").format(number=roman, name=name)


def reported_on() -> str:
    return _("Reported on")


def left_out_column() -> str:
    return _("Left out")


def questions_answered() -> str:
    return _("Questions answered")


def completeness() -> str:
    return _("Completeness of the responses")


def completeness_intro() -> str:
    return _("Files by the share of their applicable questions that expect an answer (voluntary questions aside) that are answered.")


def completeness_classes() -> list[str]:
    return [_("under 25 %"), _("25–49 %"), _("50–74 %"), _("75–99 %"), _("100 %")]


def parties() -> str:
    return _("Treaties the States are party to")


def parties_intro() -> str:
    return _("As the headers of the States' files say (parties, uncac_party).")


def treaty() -> str:
    return _("Treaty")


def treaty_names() -> dict[str, str]:
    return {
        "trafficking": _("Trafficking in Persons Protocol"),
        "smuggling": _("Smuggling of Migrants Protocol"),
        "firearms": _("Firearms Protocol"),
        "uncac": _("United Nations Convention against Corruption"),
        "none": _("None of the three Protocols"),
    }


def instrument_heading(instrument: str) -> str:
    """The heading of an instrument's part of the report."""
    if instrument == "convention":
        return _("United Nations Convention against Transnational Organized Crime")
    return treaty_names()[instrument]


def states() -> str:
    return _("States")


def share_of_states() -> str:
    return _("Share of the States")


def inconsistent(count: int) -> str:
    return ngettext(
        "The files of {count} State disagree on the treaties it is party to; it is counted as party to each treaty that any of its files names.",
        "The files of {count} States disagree on the treaties they are party to; each is counted as party to each treaty that any of its files names.",
        count,
    ).format(count=count)


def states_table() -> str:
    return _("States and the completeness of their responses")


def state() -> str:
    return _("State")


def difficulties_intro() -> str:
    no, partly = quoted(scale_label("no")), quoted(scale_label("partly"))
    return _(
        "The questions on the articles most often answered {no} or {partly}, ranked by their share of the answers given. "
        "A {no} is not always a shortcoming: read the question."
    ).format(no=no, partly=partly)


def first_of(count: int, total: int) -> str:
    return ngettext(
        "The first {count} of {total} such questions; the answers to every question are under “{section}”.",
        "The first {count} of {total} such questions; the answers to every question are under “{section}”.",
        count,
    ).format(count=count, total=total, section=per_question())


def no_difficulties() -> str:
    return _("No question on the articles was answered {no} or {partly}.").format(
        no=quoted(scale_label("no")), partly=quoted(scale_label("partly"))
    )


def difficulties_lists() -> str:
    return _("Difficulties reported")


def difficulties_lists_intro() -> str:
    return _(
        "For each list of difficulties in the questionnaires, its options ranked by the number of States that report them, across the clusters."
    )


def assistance_intro() -> str:
    return _(
        "For each list of types of technical assistance in the questionnaires, its options ranked by the number of States "
        "that ask for them, across the clusters."
    )


def rank() -> str:
    return _("Rank")


def question() -> str:
    return _("Question")


def option() -> str:
    return _("Option")


def answered() -> str:
    return _("Answered")


def share() -> str:
    return _("Share")


def questions_using(places: str) -> str:
    return _("Questions: {places}.").format(places=places)


def list_summary(answered: int, applied: int) -> str:
    return ngettext(
        "{answered} of the {count} State to whom these questions applied chose at least one option.",
        "{answered} of the {count} States to whom these questions applied chose at least one option.",
        applied,
    ).format(answered=answered, count=applied)


def list_columns_note() -> str:
    return _("“States” counts each State once, in whichever clusters it chose the option; the columns of the clusters count files.")


def states_per_option() -> str:
    return _("States choosing each option")


def times(count: int) -> str:
    return ngettext("{count} file", "{count} files", count).format(count=count)


def texts_for(option: str) -> str:
    return _("Texts given for {option}").format(option=quoted(option))


def per_question_intro() -> str:
    return _(
        "For each question answered by choosing (Yes, No, an option), how the States to whom it applied answered it. A question "
        "applies to a State as untoc validate decides: its part (a Protocol's part only for a party to that Protocol), its section "
        "and its conditions, given the State's other answers."
    )


def answers() -> str:
    return _("Answers")


def applied_to() -> str:
    return _("Applied to")


def did_not_apply() -> str:
    return _("Did not apply")


def unanswered() -> str:
    return _("Unanswered")


def ranked_in(section: str) -> str:
    return _("Options ranked under “{section}”.").format(section=section)


def several_options() -> str:
    return _("Several options may be chosen: each is counted.")


def left_out_intro(count: int) -> str:
    return ngettext(
        "{count} file was left out of the figures. untoc report printed it with its findings: correct it and run the report again.",
        "{count} files were left out of the figures. untoc report printed them with their findings: correct them and run the report again.",
        count,
    ).format(count=count)


def paths_hidden() -> str:
    return _("The names of the files are not shown: they often name the State.")


def nothing_left_out() -> str:
    return _("No file was left out.")


def file() -> str:
    return _("File")


def why() -> str:
    return _("Why")


def errors() -> str:
    return _("Errors")


def reasons() -> dict[str, str]:
    return {
        "errors": _("it has errors"),
        "unreadable": _("it is not a response file"),
        "duplicate": _("another file answers the same cluster for the same State"),
    }


def about_points() -> list[str]:
    return [
        _(
            "The figures count States: one response file per State and cluster. Shares are of the States that answered, "
            "unless a column says otherwise."
        ),
        _(
            "A question counts for a State when it applies to it, as untoc validate decides. {na} is an answer that a State "
            "gave; “{did_not_apply}” counts the States to whom the question did not apply."
        ).format(na=quoted(scale_label("na")), did_not_apply=did_not_apply()),
        _("Completeness counts, as untoc validate does, the applicable questions that expect an answer and are left unanswered."),
        _(
            "A State is known by the name in its files, case and spacing aside. If two files answer the same cluster for the "
            "same State, the first (in the order of the file names) counts and the other is left out."
        ),
        _("Files with errors are left out, so that no figure rests on an answer the validator rejects."),
    ]
