//! One question as form inputs, shared by the respondent's page and the staff
//! preview: choice groups are fieldsets with a legend, every option a large
//! label; a matrix is one fieldset per item (it reads at 360 px, where a
//! table would scroll); a problem is tied to its inputs with
//! `aria-describedby` and `aria-invalid`.

use crate::ssr::Tr;
use crate::survey::logic::{ConditionOp, Kind, Problem, Question};
use leptos::prelude::*;
use std::collections::HashMap;

/// The label of option `i` of a question, as a respondent sees it.
pub fn option_label(tr: Tr, q: &Question, i: usize) -> String {
    match q.kind {
        Kind::YesNo => tr.t(if i == 0 { "survey-yes" } else { "survey-no" }),
        Kind::Scale => i.to_string(),
        _ => q.options.get(i).cloned().unwrap_or_default(),
    }
}

/// The id of a question's first input, where the error summary links to.
pub fn anchor(q: &Question) -> String {
    match q.kind {
        Kind::ShortText | Kind::LongText => format!("f-q{}", q.id),
        Kind::Single | Kind::Rating | Kind::Scale | Kind::YesNo => format!("f-q{}-0", q.id),
        Kind::Multiple | Kind::Ranking => format!("f-q{}_0", q.id),
        Kind::Matrix => format!("f-q{}_0-0", q.id),
    }
}

/// "Answer only if you chose « Pas du tout satisfait » at « … »".
pub fn condition_note(tr: Tr, q: &Question, questions: &[Question]) -> Option<String> {
    let c = q.condition?;
    let target = questions.iter().find(|o| o.id == c.question)?;
    let key = match c.op {
        ConditionOp::Equals => "survey-condition-equals",
        ConditionOp::Includes => "survey-condition-includes",
    };
    Some(tr.t_args(
        key,
        &[
            ("option", option_label(tr, target, c.option)),
            ("question", target.prompt.clone()),
        ],
    ))
}

pub struct Rendering<'a> {
    pub values: &'a HashMap<String, String>,
    pub problem: Option<Problem>,
    /// Shown under the prompt when the question depends on this same page.
    pub note: Option<String>,
}

fn described(q: &Question, r: &Rendering) -> Option<String> {
    let ids: Vec<String> = [
        (!q.help.is_empty(), format!("help-q{}", q.id)),
        (r.note.is_some(), format!("note-q{}", q.id)),
        (r.problem.is_some(), format!("err-q{}", q.id)),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, id)| id)
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

fn extras(tr: Tr, q: &Question, r: &Rendering) -> impl IntoView {
    let help = (!q.help.is_empty())
        .then(|| view! { <p class="hint" id=format!("help-q{}", q.id)>{q.help.clone()}</p> });
    let note = r
        .note
        .clone()
        .map(|n| view! { <p class="survey-note" id=format!("note-q{}", q.id)>{n}</p> });
    let problem = r.problem.map(|p| {
        view! {
            <p class="field-problem" id=format!("err-q{}", q.id)>
                <span class="visually-hidden">{tr.t("form-error-prefix")}</span>
                {tr.t(p.message_key())}
            </p>
        }
    });
    view! { {help}{note}{problem} }
}

fn prompt(tr: Tr, q: &Question) -> impl IntoView {
    let mark = if q.required {
        tr.t("form-required")
    } else {
        tr.t("survey-optional")
    };
    view! { {q.prompt.clone()}" "<span class="required">{mark}</span> }
}

/// Radio buttons named `name`, one per option, the one in `current` checked.
fn radios(tr: Tr, q: &Question, name: String, current: Option<&String>, invalid: bool) -> AnyView {
    let class = if q.kind == Kind::Scale {
        "choices scale"
    } else {
        "choices"
    };
    let items = (0..q.option_count())
        .map(|i| {
            let id = format!("f-{name}-{i}");
            let for_id = id.clone();
            let value = i.to_string();
            let checked = current.is_some_and(|c| c.trim() == value);
            view! {
                <label class="choice" for=for_id>
                    <input type="radio" id=id name=name.clone() value=value checked=checked
                        aria-invalid=invalid.then_some("true")/>
                    <span>{option_label(tr, q, i)}</span>
                </label>
            }
        })
        .collect_view();
    view! { <div class=class>{items}</div> }.into_any()
}

pub fn question_view(tr: Tr, q: &Question, r: Rendering) -> AnyView {
    let invalid = r.problem.is_some();
    let describedby = described(q, &r);
    let value = |name: &str| r.values.get(name).cloned().unwrap_or_default();
    let class = if invalid {
        "survey-question has-problem"
    } else {
        "survey-question"
    };
    match q.kind {
        Kind::ShortText | Kind::LongText => {
            let name = format!("q{}", q.id);
            let id = format!("f-{name}");
            let input = if q.kind == Kind::ShortText {
                view! {
                    <input type="text" id=id.clone() name=name.clone() value=value(&name)
                        maxlength=crate::survey::logic::SHORT_TEXT_MAX
                        aria-describedby=describedby aria-invalid=invalid.then_some("true")/>
                }
                .into_any()
            } else {
                view! {
                    <textarea id=id.clone() name=name.clone() rows="5"
                        maxlength=crate::survey::logic::LONG_TEXT_MAX
                        aria-describedby=describedby aria-invalid=invalid.then_some("true")>
                        {value(&name)}
                    </textarea>
                }
                .into_any()
            };
            view! {
                <div class=format!("field {class}")>
                    <label for=id>{prompt(tr, q)}</label>
                    {extras(tr, q, &r)}
                    {input}
                </div>
            }
            .into_any()
        }
        Kind::Single | Kind::Rating | Kind::Scale | Kind::YesNo => {
            let name = format!("q{}", q.id);
            let current = r.values.get(&name);
            let scale_ends = (q.kind == Kind::Scale)
                .then(|| view! { <p class="hint">{tr.t("survey-scale-ends")}</p> });
            view! {
                <fieldset class=class aria-describedby=describedby>
                    <legend>{prompt(tr, q)}</legend>
                    {extras(tr, q, &r)}
                    {scale_ends}
                    {radios(tr, q, name.clone(), current, invalid)}
                </fieldset>
            }
            .into_any()
        }
        Kind::Multiple => {
            let items = (0..q.options.len())
                .map(|i| {
                    let name = format!("q{}_{i}", q.id);
                    let id = format!("f-{name}");
                    let for_id = id.clone();
                    let checked = r.values.get(&name).is_some_and(|v| !v.is_empty());
                    view! {
                        <label class="choice" for=for_id>
                            <input type="checkbox" id=id name=name value="on" checked=checked
                                aria-invalid=invalid.then_some("true")/>
                            <span>{option_label(tr, q, i)}</span>
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=class aria-describedby=describedby>
                    <legend>{prompt(tr, q)}</legend>
                    {extras(tr, q, &r)}
                    <div class="choices">{items}</div>
                </fieldset>
            }
            .into_any()
        }
        Kind::Matrix => {
            let rows = q
                .items
                .iter()
                .enumerate()
                .map(|(item, label)| {
                    let name = format!("q{}_{item}", q.id);
                    let current = r.values.get(&name);
                    view! {
                        <fieldset class="matrix-item">
                            <legend>{label.clone()}</legend>
                            {radios(tr, q, name.clone(), current, invalid)}
                        </fieldset>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=class aria-describedby=describedby>
                    <legend>{prompt(tr, q)}</legend>
                    {extras(tr, q, &r)}
                    {rows}
                </fieldset>
            }
            .into_any()
        }
        Kind::Ranking => {
            let n = q.options.len();
            let rows = q
                .options
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let name = format!("q{}_{i}", q.id);
                    let id = format!("f-{name}");
                    let current = r.values.get(&name).cloned().unwrap_or_default();
                    let options = (1..=n)
                        .map(|rank| {
                            let v = rank.to_string();
                            let selected = current.trim() == v;
                            view! { <option value=v.clone() selected=selected>{v.clone()}</option> }
                        })
                        .collect_view();
                    view! {
                        <div class="rank-row">
                            <label for=id.clone()>{label.clone()}</label>
                            <select id=id name=name aria-invalid=invalid.then_some("true")>
                                <option value="">{tr.t("survey-rank-none")}</option>
                                {options}
                            </select>
                        </div>
                    }
                })
                .collect_view();
            view! {
                <fieldset class=class aria-describedby=describedby>
                    <legend>{prompt(tr, q)}</legend>
                    <p class="hint">{tr.t("survey-rank-hint")}</p>
                    {extras(tr, q, &r)}
                    {rows}
                </fieldset>
            }
            .into_any()
        }
    }
}
