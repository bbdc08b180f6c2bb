//! Forms for adding and editing records by hand in the データ view: a
//! facility with its unions, a union with its hosts, a hospital link. The
//! store validates each edit like an import; a refused edit keeps the form
//! open with its reasons.

use tsunagu_core::edit::{edit_source, new_id, typed_count, typed_month, Edit};
use tsunagu_core::merge::Confirmation;
use tsunagu_core::model::{
    Dataset, Date, Facility, FacilityId, FacilityKind, Hospital, HospitalId, Link, LinkId,
    LinkKind, Membership, Month, Union, UnionId, WardId,
};
use yew::prelude::*;

use crate::components::tags;
use crate::dataset_handle::DatasetHandle;
use crate::i18n::Lang;
use crate::lookup::{hospital_label, union_label, ward_name_in};

/// Which form is open.
#[derive(Clone, Debug, PartialEq)]
pub enum FormKind {
    /// A facility: new, or this one.
    Facility(Option<Facility>),
    /// A union: new, or this one.
    Union(Option<Union>),
    /// A hospital link: new, or this one.
    Link(Option<Link>),
    /// A hospital: new, or this one.
    Hospital(Option<Hospital>),
}

/// [`RecordForm`]'s properties.
#[derive(Properties, PartialEq)]
pub struct RecordFormProps {
    /// The UI language.
    pub lang: Lang,
    /// The working dataset.
    pub data: DatasetHandle,
    /// The form.
    pub kind: FormKind,
    /// Called with the facility, union or link to save.
    pub on_save: Callback<Edit>,
    /// Closes the form.
    pub on_cancel: Callback<()>,
    /// Drawn just above the form's buttons: why the last save was refused.
    #[prop_or_default]
    pub children: Html,
}

/// A field the form cannot read: its label, the id of its input (focus
/// goes to the first), and whether it is a month (else a count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unreadable {
    label: &'static str,
    id: &'static str,
    month: bool,
}

impl Unreadable {
    fn count(label: &'static str, id: &'static str) -> Self {
        Self {
            label,
            id,
            month: false,
        }
    }

    fn month(label: &'static str, id: &'static str) -> Self {
        Self {
            label,
            id,
            month: true,
        }
    }

    /// What the field should look like, naming it.
    fn message(self, lang: Lang) -> String {
        let texts = &lang.texts().upkeep;
        if self.month {
            texts.bad_month
        } else {
            texts.bad_count
        }
        .replace("{field}", self.label)
    }
}

/// Whether another record of the form's kind has the name `name` (spaces
/// aside): a second 「みきファミリークリニック」 would be offered twice in
/// the planner, one of them with no unions.
fn named_elsewhere(data: &Dataset, kind: &FormKind, name: &str) -> bool {
    let key = |n: &str| n.split_whitespace().collect::<String>();
    let name = key(name);
    match kind {
        FormKind::Facility(own) => data
            .facilities
            .iter()
            .any(|f| own.as_ref().is_none_or(|o| o.id != f.id) && key(&f.name) == name),
        FormKind::Hospital(own) => data
            .hospitals
            .iter()
            .any(|h| own.as_ref().is_none_or(|o| o.id != h.id) && key(&h.name) == name),
        FormKind::Union(own) => data
            .unions
            .iter()
            .any(|u| own.as_ref().is_none_or(|o| o.id != u.id) && key(&u.name) == name),
        FormKind::Link(_) => false,
    }
}

/// The ids of the inputs a save may find unreadable.
const BEDS_ID: &str = "record-beds";
const LINKED_ID: &str = "record-linked";
const GO_LIVE_ID: &str = "record-go-live";
const FOUNDED_ID: &str = "record-founded";

/// `aria-invalid` for the input `id`, given what the last save could not read.
fn invalid(unreadable: &[Unreadable], id: &str) -> &'static str {
    if unreadable.iter().any(|u| u.id == id) {
        "true"
    } else {
        "false"
    }
}

/// A month field as typed: empty is none; else it must read as a month.
fn month_field(typed: &str, field: Unreadable, bad: &mut Vec<Unreadable>) -> Option<Month> {
    let typed = typed.trim();
    if typed.is_empty() {
        return None;
    }
    let month = typed_month(typed);
    if month.is_none() {
        bad.push(field);
    }
    month
}

fn input_value(event: &InputEvent) -> String {
    let input: web_sys::HtmlInputElement = event.target_unchecked_into();
    input.value()
}

fn select_value(event: &Event) -> String {
    let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
    select.value()
}

fn toggle(list: &UseStateHandle<Vec<String>>, id: &str) -> Callback<Event> {
    let (list, id) = (list.clone(), id.to_owned());
    Callback::from(move |_: Event| {
        let mut next = (*list).clone();
        if let Some(i) = next.iter().position(|x| *x == id) {
            next.remove(i);
        } else {
            next.push(id.clone());
        }
        list.set(next);
    })
}

/// The kinds in the form's order, with their form values; the labels are
/// the catalog's `facility_kinds`, indexed by the kind.
const KINDS: [(FacilityKind, &str); 5] = [
    (FacilityKind::Clinic, "clinic"),
    (FacilityKind::Hospital, "hospital"),
    (FacilityKind::Pharmacy, "pharmacy"),
    (FacilityKind::Care, "care"),
    (FacilityKind::Unknown, "unknown"),
];

fn build_facility(
    data: &Dataset,
    initial: Option<&Facility>,
    name: &str,
    kind: &str,
    ward: &str,
    unions: &[String],
    confirmation: &Confirmation,
) -> Facility {
    let id = initial.map_or_else(
        || {
            FacilityId(new_id("f", name, &|id| {
                data.facilities.iter().any(|f| f.id.0 == id)
            }))
        },
        |f| f.id.clone(),
    );
    let memberships = unions
        .iter()
        .map(|u| {
            initial
                .and_then(|f| f.memberships.iter().find(|m| m.union.0 == *u).cloned())
                .unwrap_or_else(|| Membership::stated(UnionId(u.clone()), edit_source()))
        })
        .collect();
    let name = name.trim().to_owned();
    let kind = KINDS
        .iter()
        .find(|(_, v)| *v == kind)
        .map_or(FacilityKind::Clinic, |(k, _)| *k);
    let ward = (!ward.is_empty()).then(|| WardId(ward.to_owned()));
    Facility {
        id,
        memberships,
        notes: initial.map(|f| f.notes.clone()).unwrap_or_default(),
        // A name, kind or ward typed over the report's says so: the record
        // cites the hand entry beside the report's place, which no longer
        // vouches for all of it.
        sources: initial.map_or_else(
            || vec![edit_source()],
            |f| {
                let same = f.name == name && f.kind == kind && f.ward == ward;
                with_edit_source(f.sources.clone(), !same)
            },
        ),
        name,
        kind,
        ward,
        // Typed by hand: confirmed on the form's day, by whom it says; a
        // day left empty keeps the record's own (and who gave it).
        confirmed: confirmation
            .date
            .clone()
            .or_else(|| initial.and_then(|f| f.confirmed.clone())),
        confirmed_by: if confirmation.date.is_some() {
            confirmation.by.clone()
        } else {
            initial.and_then(|f| f.confirmed_by.clone())
        },
    }
}

/// `sources`, with the hand entry's added when `edited` and not yet there.
fn with_edit_source(
    mut sources: Vec<tsunagu_core::model::Source>,
    edited: bool,
) -> Vec<tsunagu_core::model::Source> {
    if edited && !sources.contains(&edit_source()) {
        sources.push(edit_source());
    }
    sources
}

fn build_union(
    data: &Dataset,
    initial: Option<&Union>,
    name: &str,
    hosts: &[String],
    founded: &str,
    founded_label: &'static str,
) -> Result<Union, Vec<Unreadable>> {
    let name = name.trim();
    let mut bad = Vec::new();
    let founded = month_field(
        founded,
        Unreadable::month(founded_label, FOUNDED_ID),
        &mut bad,
    );
    if !bad.is_empty() {
        return Err(bad);
    }
    Ok(Union {
        id: initial.map_or_else(
            || {
                UnionId(new_id("u", name, &|id| {
                    data.unions.iter().any(|u| u.id.0 == id)
                }))
            },
            |u| u.id.clone(),
        ),
        name: name.to_owned(),
        // A renamed union loses its English rendering rather than show a
        // stale one (the printed name then serves in English too).
        name_en: initial
            .filter(|u| u.name == name)
            .and_then(|u| u.name_en.clone()),
        hosts: hosts.iter().map(|h| HospitalId(h.clone())).collect(),
        founded: founded.clone(),
        // As for a facility: a changed name, host or month cites the hand entry.
        sources: initial.map_or_else(
            || vec![edit_source()],
            |u| {
                let same = u.name == name
                    && u.hosts
                        .iter()
                        .map(|h| h.0.as_str())
                        .eq(hosts.iter().map(String::as_str))
                    && u.founded == founded;
                with_edit_source(u.sources.clone(), !same)
            },
        ),
        ..initial.cloned().unwrap_or_else(|| {
            Union::new(
                UnionId(String::new()),
                String::new(),
                Vec::new(),
                edit_source(),
            )
        })
    })
}

/// A hospital form's fields as typed (its name is the form's own).
#[derive(Clone, Debug, Default, PartialEq)]
struct HospitalDraft {
    name_en: String,
    discloses: bool,
    ward: String,
    city: String,
    beds: String,
    go_live: String,
    linked: String,
}

impl HospitalDraft {
    fn of(hospital: Option<&Hospital>) -> Self {
        hospital.map_or_else(Self::default, |h| Self {
            name_en: h.name_en.clone(),
            discloses: h.discloses,
            ward: h.ward.as_ref().map(|w| w.0.clone()).unwrap_or_default(),
            city: h.city.clone().unwrap_or_default(),
            beds: h.beds.map(|b| b.to_string()).unwrap_or_default(),
            go_live: h
                .idlink_go_live
                .as_ref()
                .map(|m| m.0.clone())
                .unwrap_or_default(),
            linked: linked_text(h),
        })
    }
}

/// A hospital's 連携医療機関数 as the form shows it: every reading, as printed.
fn linked_text(hospital: &Hospital) -> String {
    hospital
        .linked_institutions
        .iter()
        .map(|r| r.as_written.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The hospital the form describes; `Err` names every field that does not
/// read (病床数 and 連携医療機関数 as counts, ID-Link 稼働 as a month),
/// given their labels in that order.
fn build_hospital(
    data: &Dataset,
    initial: Option<&Hospital>,
    name: &str,
    draft: &HospitalDraft,
    labels: [&'static str; 3],
) -> Result<Hospital, Vec<Unreadable>> {
    let [beds_label, linked_label, go_live_label] = labels;
    let name = name.trim().to_owned();
    let mut bad = Vec::new();
    let beds = match draft.beds.trim() {
        "" => None,
        typed => {
            let beds = typed_count(typed, edit_source())
                .filter(|r| r.bound == tsunagu_core::model::Bound::Exact)
                .and_then(|r| r.value);
            if beds.is_none() {
                bad.push(Unreadable::count(beds_label, BEDS_ID));
            }
            beds
        }
    };
    let unchanged_count = initial.is_some_and(|h| linked_text(h) == draft.linked.trim());
    let linked_institutions = match (initial, draft.linked.trim()) {
        (Some(h), _) if unchanged_count => h.linked_institutions.clone(),
        (_, "") => Vec::new(),
        (_, typed) => {
            let count = typed_count(typed, edit_source());
            if count.is_none() {
                bad.push(Unreadable::count(linked_label, LINKED_ID));
            }
            count.into_iter().collect()
        }
    };
    let idlink_go_live = month_field(
        &draft.go_live,
        Unreadable::month(go_live_label, GO_LIVE_ID),
        &mut bad,
    );
    if !bad.is_empty() {
        return Err(bad);
    }
    let ward = Some(draft.ward.clone())
        .filter(|w| !w.is_empty())
        .map(WardId);
    let city = Some(draft.city.trim().to_owned()).filter(|c| !c.is_empty());
    let changed = initial.is_none_or(|h| {
        h.name != name
            || h.name_en != draft.name_en.trim()
            || h.discloses != draft.discloses
            || h.ward != ward
            || h.city != city
            || h.beds != beds
            || h.idlink_go_live != idlink_go_live
            || !unchanged_count
    });
    let base = initial.cloned().unwrap_or_else(|| Hospital {
        id: HospitalId(new_id("h", &name, &|id| {
            data.hospitals.iter().any(|h| h.id.0 == id)
        })),
        name: String::new(),
        aliases: Vec::new(),
        name_en: String::new(),
        discloses: false,
        ward: None,
        city: None,
        region: None,
        beds: None,
        linked_institutions: Vec::new(),
        idlink_go_live: None,
        designations: Vec::new(),
        coords: None,
        notes: Vec::new(),
        sources: Vec::new(),
    });
    Ok(Hospital {
        // As for a facility: a field typed over the report's cites the hand entry.
        sources: with_edit_source(base.sources.clone(), changed),
        name,
        name_en: draft.name_en.trim().to_owned(),
        discloses: draft.discloses,
        ward,
        city,
        beds,
        linked_institutions,
        idlink_go_live,
        ..base
    })
}

/// A hospital form's own fields.
fn hospital_fields(
    lang: Lang,
    data: &Dataset,
    initial: Option<&Hospital>,
    draft: &UseStateHandle<HospitalDraft>,
    unreadable: &[Unreadable],
) -> Html {
    let texts = &lang.texts().upkeep;
    let d = &lang.texts().data_view;
    let set = |apply: fn(&mut HospitalDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*draft).clone();
            apply(&mut next, input_value(&e));
            draft.set(next);
        })
    };
    let on_ward = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let mut next = (*draft).clone();
            next.ward = select_value(&e);
            draft.set(next);
        })
    };
    let on_discloses = {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.discloses = !next.discloses;
            draft.set(next);
        })
    };
    let readings = initial.map(linked_text).filter(|r| !r.is_empty());
    html! {
        <>
            <label class="field">
                { tags::span(texts.field_name_en) }
                <input type="text" lang="en" value={draft.name_en.clone()} oninput={set(|d, v| d.name_en = v)} />
            </label>
            <label class="check">
                <input type="checkbox" checked={draft.discloses} onchange={on_discloses} />
                { texts.field_discloses }
            </label>
            <label class="field">
                { tags::span(lang.texts().planner_view.ward_label) }
                <select onchange={on_ward}>
                    <option value="" selected={draft.ward.is_empty()}>{ lang.texts().planner_view.ward_unspecified }</option>
                    { for data.wards.iter().map(|w| html! {
                        <option value={w.id.0.clone()} selected={draft.ward == w.id.0}>{ ward_name_in(data, &w.id, lang).unwrap_or_default() }</option>
                    }) }
                </select>
            </label>
            <label class="field">
                { tags::span(texts.field_city) }
                <input type="text" value={draft.city.clone()} oninput={set(|d, v| d.city = v)} />
            </label>
            <label class="field">
                { tags::span(d.col_beds) }
                <input type="text" inputmode="numeric" id={BEDS_ID} aria-invalid={invalid(unreadable, BEDS_ID)}
                    value={draft.beds.clone()} oninput={set(|d, v| d.beds = v)} />
            </label>
            <label class="field">
                { tags::span(texts.field_go_live) }
                <input type="text" inputmode="numeric" placeholder="2024-04" id={GO_LIVE_ID} aria-invalid={invalid(unreadable, GO_LIVE_ID)}
                    value={draft.go_live.clone()} oninput={set(|d, v| d.go_live = v)} />
            </label>
            <label class="field">
                { tags::span(d.col_linked) }
                <input type="text" inputmode="numeric" id={LINKED_ID} aria-invalid={invalid(unreadable, LINKED_ID)}
                    value={draft.linked.clone()} oninput={set(|d, v| d.linked = v)}
                    aria-describedby={readings.as_ref().map(|_| "record-linked-now")} />
            </label>
            if let Some(readings) = readings {
                <p class="hint" id="record-linked-now">{ texts.linked_hint.replace("{readings}", &readings) }</p>
            }
        </>
    }
}

/// A facility form's 確認日 and 確認した窓口, as an import asks them, with
/// the day the record held before (`before`, for a record being edited).
fn confirmation_fields(
    lang: Lang,
    before: Option<&Date>,
    day: &UseStateHandle<String>,
    by: &UseStateHandle<String>,
) -> Html {
    let t = &lang.texts().import;
    let on_day = {
        let day = day.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            day.set(input.value());
        })
    };
    let on_by = {
        let by = by.clone();
        Callback::from(move |e: InputEvent| by.set(input_value(&e)))
    };
    html! {
        <>
            <label class="field">
                { tags::span(t.confirmed_label) }
                <input type="date" value={(**day).clone()} onchange={on_day}
                    aria-describedby={before.map(|_| "record-confirmed-before")} />
            </label>
            if let Some(before) = before {
                <p class="hint" id="record-confirmed-before">
                    { lang.texts().upkeep.confirmed_before.replace("{date}", &before.0) }
                </p>
            }
            <label class="field">
                { tags::span(t.confirmed_by_label) }
                <input type="text" value={(**by).clone()} oninput={on_by} placeholder={t.confirmed_by_hint} />
            </label>
        </>
    }
}

/// A form for one record.
#[function_component(RecordForm)]
pub fn record_form(props: &RecordFormProps) -> Html {
    let lang = props.lang;
    let texts = &lang.texts().upkeep;
    let data = &*props.data;
    let (initial_name, initial_kind, initial_ward, initial_list, initial_founded) =
        match &props.kind {
            FormKind::Facility(Some(f)) => (
                f.name.clone(),
                KINDS
                    .iter()
                    .find(|(k, _)| *k == f.kind)
                    .map_or("clinic", |(_, v)| v)
                    .to_owned(),
                f.ward.as_ref().map(|w| w.0.clone()).unwrap_or_default(),
                f.memberships.iter().map(|m| m.union.0.clone()).collect(),
                String::new(),
            ),
            FormKind::Hospital(Some(h)) => (
                h.name.clone(),
                String::new(),
                String::new(),
                Vec::new(),
                String::new(),
            ),
            FormKind::Union(Some(u)) => (
                u.name.clone(),
                String::new(),
                String::new(),
                u.hosts.iter().map(|h| h.0.clone()).collect(),
                u.founded.as_ref().map(|m| m.0.clone()).unwrap_or_default(),
            ),
            _ => (
                String::new(),
                "clinic".to_owned(),
                String::new(),
                Vec::new(),
                String::new(),
            ),
        };
    let name = use_state(|| initial_name);
    let kind = use_state(|| initial_kind);
    let ward = use_state(|| initial_ward);
    let list = use_state(|| initial_list);
    let founded = use_state(|| initial_founded);
    let initial_link = match &props.kind {
        FormKind::Link(link) => link.clone(),
        _ => None,
    };
    let link_from = use_state(|| {
        initial_link
            .as_ref()
            .map(|l| l.from.0.clone())
            .unwrap_or_default()
    });
    let link_to = use_state(|| {
        initial_link
            .as_ref()
            .map(|l| l.to.0.clone())
            .unwrap_or_default()
    });
    let link_kind = use_state(|| {
        let partner = initial_link
            .as_ref()
            .is_some_and(|l| l.kind == LinkKind::IdlinkPartner);
        if partner {
            "idlink_partner"
        } else {
            "agreement"
        }
        .to_owned()
    });
    let directed = use_state(|| initial_link.as_ref().is_some_and(|l| l.directed));
    // A facility typed by hand is confirmed on the day it is saved, unless
    // the form is told another day.
    let hospital_draft = use_state(|| {
        HospitalDraft::of(match &props.kind {
            FormKind::Hospital(h) => h.as_ref(),
            _ => None,
        })
    });
    let unreadable = use_state(Vec::<Unreadable>::new);
    let confirmed_day = use_state(crate::format::today);
    let confirmed_by = use_state(String::new);
    let missing_name = use_state(|| false);
    // The name the reader was told another record already has: saving it
    // again adds it all the same.
    let duplicate = use_state(|| None::<String>);

    let (title, body) = match &props.kind {
        FormKind::Facility(initial) => (
            initial.as_ref().map_or(texts.add_facility.to_owned(), |f| {
                texts.edit.replace("{name}", &f.name)
            }),
            html! {
                <>
                    <label class="field">
                        { tags::span(lang.texts().data_view.col_facility_kind) }
                        <select onchange={{ let kind = kind.clone(); Callback::from(move |e: Event| kind.set(select_value(&e))) }}>
                            { for KINDS.iter().map(|(k, value)| html! {
                                <option value={*value} selected={*kind == *value}>
                                    { lang.texts().data_view.facility_kinds[*k as usize] }
                                </option>
                            }) }
                        </select>
                    </label>
                    <label class="field">
                        { tags::span(lang.texts().planner_view.ward_label) }
                        <select onchange={{ let ward = ward.clone(); Callback::from(move |e: Event| ward.set(select_value(&e))) }}>
                            <option value="" selected={ward.is_empty()}>{ lang.texts().planner_view.ward_unspecified }</option>
                            { for data.wards.iter().map(|w| html! {
                                <option value={w.id.0.clone()} selected={*ward == w.id.0}>{ ward_name_in(data, &w.id, lang).unwrap_or_default() }</option>
                            }) }
                        </select>
                    </label>
                    <fieldset class="checks">
                        { tags::legend(lang.texts().data_view.col_unions) }
                        <ul>
                            { for data.unions.iter().map(|u| html! {
                                <li><label class="check">
                                    <input type="checkbox" checked={list.contains(&u.id.0)} onchange={toggle(&list, &u.id.0)} />
                                    { union_label(u, lang) }
                                </label></li>
                            }) }
                        </ul>
                    </fieldset>
                    { confirmation_fields(lang, initial.as_ref().map(|f| f.confirmed_on(&data.meta)), &confirmed_day, &confirmed_by) }
                </>
            },
        ),
        FormKind::Union(initial) => (
            initial.as_ref().map_or(texts.add_union.to_owned(), |u| {
                texts.edit.replace("{name}", &union_label(u, lang))
            }),
            html! {
                <>
                    <label class="field">
                        { tags::span(texts.field_founded) }
                        <input type="text" inputmode="numeric" placeholder="2024-04" id={FOUNDED_ID} aria-invalid={invalid(&unreadable, FOUNDED_ID)}
                            value={(*founded).clone()}
                            oninput={{ let founded = founded.clone(); Callback::from(move |e: InputEvent| founded.set(input_value(&e))) }} />
                    </label>
                    <fieldset class="checks">
                        { tags::legend(texts.field_hosts) }
                        <ul>
                            { for data.hospitals.iter().filter(|h| h.discloses || list.contains(&h.id.0)).map(|h| html! {
                                <li><label class="check">
                                    <input type="checkbox" checked={list.contains(&h.id.0)} onchange={toggle(&list, &h.id.0)} />
                                    { hospital_label(h, lang) }
                                </label></li>
                            }) }
                        </ul>
                    </fieldset>
                </>
            },
        ),
        FormKind::Hospital(initial) => (
            initial.as_ref().map_or(texts.add_hospital.to_owned(), |h| {
                texts.edit.replace("{name}", &hospital_label(h, lang))
            }),
            hospital_fields(lang, data, initial.as_ref(), &hospital_draft, &unreadable),
        ),
        FormKind::Link(initial) => {
            let hospital_select = |label: &'static str, value: &UseStateHandle<String>| {
                let state = value.clone();
                html! {
                    <label class="field">
                        { tags::span(label) }
                        <select onchange={Callback::from(move |e: Event| state.set(select_value(&e)))}>
                            <option value="" selected={value.is_empty()}>{ "—" }</option>
                            { for data.hospitals.iter().map(|h| html! {
                                <option value={h.id.0.clone()} selected={**value == h.id.0}>{ hospital_label(h, lang) }</option>
                            }) }
                        </select>
                    </label>
                }
            };
            let d = &lang.texts().data_view;
            (
                initial.as_ref().map_or(texts.add_link.to_owned(), |l| {
                    texts
                        .edit
                        .replace("{name}", &format!("{} ⇄ {}", l.from, l.to))
                }),
                html! {
                    <>
                        { hospital_select(d.col_from, &link_from) }
                        { hospital_select(d.col_to, &link_to) }
                        <label class="field">
                            { tags::span(d.col_kind) }
                            <select onchange={{ let k = link_kind.clone(); Callback::from(move |e: Event| k.set(select_value(&e))) }}>
                                <option value="agreement" selected={*link_kind == "agreement"}>{ d.kind_agreement }</option>
                                <option value="idlink_partner" selected={*link_kind == "idlink_partner"}>{ d.kind_partner }</option>
                            </select>
                        </label>
                        <label class="check">
                            <input type="checkbox" checked={*directed}
                                onchange={{ let d = directed.clone(); Callback::from(move |_: Event| d.set(!*d)) }} />
                            { texts.field_directed }
                        </label>
                    </>
                },
            )
        }
    };

    let onsubmit = {
        let (kind_form, data) = (props.kind.clone(), props.data.clone());
        let (name, kind, ward, list, founded) = (
            name.clone(),
            kind.clone(),
            ward.clone(),
            list.clone(),
            founded.clone(),
        );
        let (confirmed_day, confirmed_by) = (confirmed_day.clone(), confirmed_by.clone());
        let (hospital_draft, unreadable) = (hospital_draft.clone(), unreadable.clone());
        let hospital_labels = [
            lang.texts().data_view.col_beds,
            lang.texts().data_view.col_linked,
            texts.field_go_live,
        ];
        let founded_label = texts.field_founded;
        let (link_from, link_to, link_kind, directed, missing_name, duplicate) = (
            link_from.clone(),
            link_to.clone(),
            link_kind.clone(),
            directed.clone(),
            missing_name.clone(),
            duplicate.clone(),
        );
        let on_save = props.on_save.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let needs_name = !matches!(kind_form, FormKind::Link(_));
            if needs_name && name.trim().is_empty() {
                missing_name.set(true);
                return;
            }
            missing_name.set(false);
            let typed = name.trim().to_owned();
            if named_elsewhere(&data, &kind_form, &typed) && duplicate.as_deref() != Some(&typed) {
                duplicate.set(Some(typed));
                return;
            }
            unreadable.set(Vec::new());
            // Every field that does not read is marked, and said by name
            // above the buttons; focus goes to the first.
            let refuse = |bad: Vec<Unreadable>| {
                if let Some(first) = bad.first() {
                    crate::dom::focus_after_render(first.id.to_owned());
                }
                unreadable.set(bad);
            };
            let edit = match &kind_form {
                FormKind::Hospital(initial) => {
                    match build_hospital(
                        &data,
                        initial.as_ref(),
                        &name,
                        &hospital_draft,
                        hospital_labels,
                    ) {
                        Ok(hospital) => Edit::PutHospital(hospital),
                        Err(bad) => return refuse(bad),
                    }
                }
                FormKind::Facility(initial) => Edit::PutFacility(build_facility(
                    &data,
                    initial.as_ref(),
                    &name,
                    &kind,
                    &ward,
                    &list,
                    &Confirmation {
                        date: Some(confirmed_day.trim())
                            .filter(|d| !d.is_empty())
                            .map(|d| Date(d.to_owned())),
                        by: Some(confirmed_by.trim())
                            .filter(|b| !b.is_empty())
                            .map(str::to_owned),
                    },
                )),
                FormKind::Union(initial) => {
                    match build_union(
                        &data,
                        initial.as_ref(),
                        &name,
                        &list,
                        &founded,
                        founded_label,
                    ) {
                        Ok(union) => Edit::PutUnion(union),
                        Err(bad) => return refuse(bad),
                    }
                }
                FormKind::Link(initial) => {
                    let seed = format!("{}-{}-{}", *link_from, *link_to, *link_kind);
                    Edit::PutLink(Link {
                        id: initial.as_ref().map_or_else(
                            || {
                                LinkId(new_id("l", &seed, &|id| {
                                    data.links.iter().any(|l| l.id.0 == id)
                                }))
                            },
                            |l| l.id.clone(),
                        ),
                        kind: if *link_kind == "idlink_partner" {
                            LinkKind::IdlinkPartner
                        } else {
                            LinkKind::Agreement
                        },
                        from: HospitalId((*link_from).clone()),
                        to: HospitalId((*link_to).clone()),
                        directed: *directed,
                        region_group: initial.as_ref().and_then(|l| l.region_group.clone()),
                        source: initial
                            .as_ref()
                            .map_or_else(edit_source, |l| l.source.clone()),
                    })
                }
            };
            on_save.emit(edit);
        })
    };

    // Opened, the form takes focus to its first field (the button that
    // opened it may be far below, in the table); closed, focus goes back to
    // that button if it is still there. Esc closes it as 取消 does.
    let form_ref = use_node_ref();
    {
        let form_ref = form_ref.clone();
        use_effect_with((), move |()| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                let opener = gloo::utils::document()
                    .active_element()
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(first) = form_ref
                    .cast::<web_sys::Element>()
                    .and_then(|f| f.query_selector("input, select").ok().flatten())
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = first.focus();
                }
                move || {
                    if let Some(opener) = opener.filter(|o| o.is_connected()) {
                        let _ = opener.focus();
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            {
                let _ = form_ref;
                || ()
            }
        });
    }
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                on_cancel.emit(());
            }
        })
    };

    html! {
        <form class="record-form" {onsubmit} {onkeydown} ref={form_ref} aria-labelledby="record-form-title" aria-keyshortcuts="Escape">
            <h4 id="record-form-title">{ title }</h4>
            if !matches!(props.kind, FormKind::Link(_)) {
                <label class="field">
                    { tags::span(texts.field_name) }
                    <input type="text" required=true value={(*name).clone()} aria-invalid={missing_name.to_string()}
                        oninput={{ let name = name.clone(); Callback::from(move |e: InputEvent| name.set(input_value(&e))) }} />
                </label>
                if *missing_name {
                    <p class="warn" role="alert">{ texts.name_required }</p>
                }
                if duplicate.as_deref().is_some_and(|d| d == name.trim()) {
                    <p class="warn" role="alert">{ texts.duplicate_name.replace("{name}", name.trim()) }</p>
                }
            }
            { body }
            if !unreadable.is_empty() {
                <div class="warn" role="alert">
                    <ul>{ for unreadable.iter().map(|u| tags::li(u.message(lang))) }</ul>
                </div>
            }
            { props.children.clone() }
            <div class="tool-row">
                <button type="submit" class="primary">{ texts.save }</button>
                { tags::button(props.on_cancel.reform(|_: MouseEvent| ()), texts.cancel) }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_union_keeps_its_english_name_unless_renamed() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let ict = data
            .union(&UnionId("hokudai-ict".into()))
            .expect("in the report");
        let hosts = vec!["hokudai".to_owned()];
        let same = build_union(
            &data,
            Some(ict),
            " ICTネットワーク ",
            &hosts,
            "2016-03",
            "発足",
        )
        .expect("valid");
        assert_eq!(same.name_en.as_deref(), Some("ICT Network"));
        assert_eq!(
            (same.id.0.as_str(), same.sources.len()),
            ("hokudai-ict", ict.sources.len())
        );
        let renamed = build_union(
            &data,
            Some(ict),
            "北大ICTネットワーク",
            &hosts,
            "2016-03",
            "発足",
        )
        .expect("valid");
        assert_eq!(renamed.name_en, None);
        assert_eq!(renamed.name, "北大ICTネットワーク");
        let new = build_union(&data, None, "新しいユニオン", &hosts, "", "発足").expect("valid");
        assert_eq!((new.name_en, new.founded), (None, None));
        assert!(!new.id.0.is_empty() && data.union(&new.id).is_none());
        // Renamed, it cites the hand entry beside the report; unchanged, not.
        assert!(renamed.sources.contains(&edit_source()));
        assert!(!same.sources.contains(&edit_source()));
        let moved = build_union(
            &data,
            Some(ict),
            "ICTネットワーク",
            &hosts,
            "2016-04",
            "発足",
        )
        .expect("valid");
        assert!(moved.sources.contains(&edit_source()));
        // A month as people write it is the same month; one that is not a
        // month is refused, by its field.
        let written = build_union(
            &data,
            Some(ict),
            "ICTネットワーク",
            &hosts,
            "2016年3月",
            "発足",
        )
        .expect("valid");
        assert_eq!(written, *ict);
        let bad = build_union(
            &data,
            Some(ict),
            "ICTネットワーク",
            &hosts,
            "2016-3-1",
            "発足",
        )
        .expect_err("not a month");
        assert_eq!(bad.iter().map(|u| u.label).collect::<Vec<_>>(), ["発足"]);
    }

    #[test]
    fn a_facility_typed_over_cites_the_hand_entry_once() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let miki = data
            .facility(&FacilityId("miki-family-clinic".into()))
            .expect("in the report");
        let unions: Vec<String> = miki.memberships.iter().map(|m| m.union.0.clone()).collect();
        let ward = miki.ward.as_ref().map(|w| w.0.clone()).unwrap_or_default();
        let kind = KINDS
            .iter()
            .find(|(k, _)| *k == miki.kind)
            .map(|(_, v)| *v)
            .expect("a kind");
        // An empty day keeps the record's own confirmation.
        let keep = Confirmation::default();
        let same = build_facility(&data, Some(miki), &miki.name, kind, &ward, &unions, &keep);
        assert_eq!(same.sources, miki.sources);
        // Only the name changes: the report's place no longer vouches for it.
        let renamed = build_facility(
            &data,
            Some(miki),
            "みきクリニック",
            kind,
            &ward,
            &unions,
            &keep,
        );
        assert_eq!(renamed.sources.len(), miki.sources.len() + 1);
        assert_eq!(renamed.sources.last(), Some(&edit_source()));
        // Edited again: the hand entry is cited once.
        let again = build_facility(
            &data,
            Some(&renamed),
            "みき医院",
            kind,
            &ward,
            &unions,
            &keep,
        );
        assert_eq!(again.sources, renamed.sources);
    }

    #[test]
    fn a_facility_saved_by_hand_is_confirmed_on_the_forms_day() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let miki = data
            .facility(&FacilityId("miki-family-clinic".into()))
            .expect("in the report");
        assert_eq!(miki.confirmed, None, "the report's own record");
        let unions = vec!["hokudai-ict".to_owned()];
        let ward = miki.ward.as_ref().map(|w| w.0.clone()).unwrap_or_default();
        let day = Confirmation {
            date: Some(Date("2026-12-01".into())),
            by: Some("ICTネットワーク事務局".into()),
        };
        let joined = build_facility(
            &data,
            Some(miki),
            &miki.name,
            "clinic",
            &ward,
            &unions,
            &day,
        );
        assert_eq!(joined.confirmed_on(&data.meta).0, "2026-12-01");
        assert_eq!(
            joined.confirmed_by.as_deref(),
            Some("ICTネットワーク事務局")
        );
        // Edited again with the day cleared: the last confirmation stays.
        let kept = build_facility(
            &data,
            Some(&joined),
            "みき医院",
            "clinic",
            &ward,
            &unions,
            &Confirmation::default(),
        );
        assert_eq!(kept.confirmed, joined.confirmed);
        assert_eq!(kept.confirmed_by, joined.confirmed_by);
        // Confirmed again without saying by whom: the old name does not carry over.
        let later = Confirmation {
            date: Some(Date("2026-12-03".into())),
            by: None,
        };
        let again = build_facility(
            &data,
            Some(&joined),
            &miki.name,
            "clinic",
            &ward,
            &unions,
            &later,
        );
        assert_eq!(again.confirmed_on(&data.meta).0, "2026-12-03");
        assert_eq!(again.confirmed_by, None);
        // A new record is confirmed on its day too.
        let new = build_facility(&data, None, "新しい診療所", "clinic", "", &[], &later);
        assert_eq!(new.confirmed_on(&data.meta).0, "2026-12-03");
    }

    #[test]
    fn a_hospital_typed_over_keeps_what_was_not_touched() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let hokudai = data
            .hospital(&HospitalId("hokudai".into()))
            .expect("in the report");
        let labels = ["病床数", "連携医療機関数", "ID-Link 稼働"];
        let draft = HospitalDraft::of(Some(hokudai));
        assert_eq!(draft.linked, "1,714 / 1,719", "both readings, as printed");
        let same =
            build_hospital(&data, Some(hokudai), &hokudai.name, &draft, labels).expect("valid");
        assert_eq!(&same, hokudai, "saved untouched, nothing changes");
        // A new count replaces both readings, and cites the hand entry.
        let counted = HospitalDraft {
            linked: "1,800".into(),
            ..draft.clone()
        };
        let next =
            build_hospital(&data, Some(hokudai), &hokudai.name, &counted, labels).expect("valid");
        assert_eq!(next.linked_institutions.len(), 1);
        assert_eq!(next.linked_institutions[0].value, Some(1800));
        assert!(next.sources.contains(&edit_source()));
        assert_eq!(
            (next.coords, next.designations.len()),
            (hokudai.coords, hokudai.designations.len())
        );
        // Counts that are not counts name their field.
        let bad_beds = HospitalDraft {
            beds: "約900".into(),
            ..draft.clone()
        };
        let refused = |draft: &HospitalDraft| {
            build_hospital(&data, Some(hokudai), &hokudai.name, draft, labels)
                .expect_err("refused")
                .iter()
                .map(|u| (u.label, u.month))
                .collect::<Vec<_>>()
        };
        assert_eq!(refused(&bad_beds), [("病床数", false)]);
        let bad_linked = HospitalDraft {
            linked: "多数".into(),
            ..draft.clone()
        };
        assert_eq!(refused(&bad_linked), [("連携医療機関数", false)]);
        // Every field that does not read is named, not the first alone.
        let bad_all = HospitalDraft {
            beds: "約900".into(),
            linked: "多数".into(),
            go_live: "2023-13".into(),
            ..draft.clone()
        };
        assert_eq!(
            refused(&bad_all),
            [
                ("病床数", false),
                ("連携医療機関数", false),
                ("ID-Link 稼働", true)
            ]
        );
        // A month as people write it is read, and kept as YYYY-MM.
        let slashed = HospitalDraft {
            go_live: "2023/5".into(),
            ..draft
        };
        let next =
            build_hospital(&data, Some(hokudai), &hokudai.name, &slashed, labels).expect("valid");
        assert_eq!(next.idlink_go_live.map(|m| m.0).as_deref(), Some("2023-05"));
        // A new hospital gets a fresh id and cites the hand entry only.
        let new_draft = HospitalDraft {
            discloses: true,
            city: "小樽市".into(),
            ..HospitalDraft::default()
        };
        let new = build_hospital(&data, None, "小樽の病院", &new_draft, labels).expect("valid");
        assert!(data.hospital(&new.id).is_none());
        assert_eq!(
            (new.discloses, new.city.as_deref(), new.sources.clone()),
            (true, Some("小樽市"), vec![edit_source()])
        );
    }

    #[test]
    fn a_name_another_record_has_is_noticed_but_not_a_records_own() {
        let data = crate::dataset_handle::bundled_dataset().expect("the bundled report loads");
        let miki = data
            .facility(&FacilityId("miki-family-clinic".into()))
            .expect("in the report")
            .clone();
        let new = FormKind::Facility(None);
        assert!(named_elsewhere(&data, &new, "みきファミリークリニック"));
        assert!(named_elsewhere(&data, &new, " みきファミリー クリニック "));
        assert!(!named_elsewhere(&data, &new, "みきファミリー診療所"));
        // Saving a record under its own name is no duplicate.
        assert!(!named_elsewhere(
            &data,
            &FormKind::Facility(Some(miki)),
            "みきファミリークリニック"
        ));
        assert!(named_elsewhere(
            &data,
            &FormKind::Union(None),
            "ICTネットワーク"
        ));
        assert!(named_elsewhere(
            &data,
            &FormKind::Hospital(None),
            "北海道大学病院"
        ));
    }
}
