//! The English UI strings.

use super::{Texts, ViewTexts};

/// Every UI string.
pub const TEXTS: Texts = Texts {
    app_title: "tsunagu — Sapporo ID-Link referral path navigator",
    tagline: "Which unions to join to see your referral hospital's records",
    skip_to_main: "Skip to main content",
    nav_label: "Views",
    lang_switch_label: "Language",
    coming_heading: "Coming soon",
    planner: ViewTexts {
        nav: "Plans",
        title: "Referral plans",
        lead: "Find which ID-Link unions a clinic, pharmacy or care facility must join to view the records of the hospitals it refers patients to.",
        coming: "Choose your facility and one or more hospitals, and this view will list the unions to join, with each path and its sources, ready to print or share.",
    },
    network: ViewTexts {
        nav: "Network",
        title: "Network",
        lead: "How disclosing hospitals, unions, inter-hospital agreements and linked facilities connect, drawn on a map.",
        coming: "A Hokkaido overview and a Sapporo ward map, with a legend, search, filters, a table of every link, and SVG and PNG export.",
    },
    growth: ViewTexts {
        nav: "Growth",
        title: "Growth",
        lead: "Follow ID-Link go-lives and union foundings from the first go-live to the founding of the Sapporo ID-Link council on 31 October 2023.",
        coming: "A timeline with play, pause and step, and cumulative charts of disclosing hospitals, unions and linked institutions.",
    },
    wards: ViewTexts {
        nav: "Wards",
        title: "Wards",
        lead: "Compare Sapporo's ten wards: population, medical institutions, and how far ID-Link viewing facilities reach.",
        coming: "Viewing facilities per 100 institutions and per 100,000 people, as a table and a chart, and which designated hospitals are on ID-Link.",
    },
    data: ViewTexts {
        nav: "Data",
        title: "Data",
        lead: "Check the data behind the app (hospitals, unions, links and facilities), each record with its source.",
        coming: "Sortable, searchable tables, flags on the report's known discrepancies, and CSV and JSON import and export.",
    },
    not_found_title: "Page not found",
    not_found_lead: "No view lives at this address.",
    not_found_back: "Back to referral plans",
    footer_source: "Source: the Sapporo ID-Link council's report on connecting Sapporo's ID-Link disclosing hospitals (2023, in Japanese).",
    footer_privacy: "Everything runs on this device; no data ever leaves it.",
};
