//! もしも's what-if files: the draft exported as JSON, and a file read back
//! into the draft (the format `tsunagu reach --what-if` reads).

use yew::prelude::*;

use super::Draft;
use crate::dataset_handle::DatasetHandle;
use crate::files;
use crate::saved_what_ifs;

/// Offers the draft as a JSON file named after it.
pub(super) fn export_draft(draft: &UseStateHandle<Draft>) -> Callback<MouseEvent> {
    let draft = draft.clone();
    Callback::from(move |_: MouseEvent| {
        let text = saved_what_ifs::export(&draft.what_if);
        let stem: String = draft
            .what_if
            .name
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        files::download(
            &format!("tsunagu-what-if-{stem}.json"),
            "application/json",
            text.as_bytes(),
        );
    })
}

/// Reads a chosen file into the draft, or lists why it could not.
pub(super) fn import_draft(
    draft: &UseStateHandle<Draft>,
    errors: &UseStateHandle<Option<(String, Vec<String>)>>,
    data: &DatasetHandle,
) -> Callback<Event> {
    let (draft, errors, data) = (draft.clone(), errors.clone(), data.clone());
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let (draft, errors, data) = (draft.clone(), errors.clone(), data.clone());
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            let result = match files::read_bytes(&file).await {
                Ok(bytes) => {
                    if let Ok(text) = String::from_utf8(bytes) {
                        saved_what_ifs::import(&name, &text, &data)
                    } else {
                        let why = tsunagu_core::text::not_utf8();
                        Err(vec![format!("{name}: {} / {}", why.ja, why.en)])
                    }
                }
                Err(reason) => Err(vec![format!("{name}: {reason}")]),
            };
            match result {
                Ok(what_if) => {
                    errors.set(None);
                    draft.set(Draft { id: None, what_if });
                }
                Err(problems) => errors.set(Some((name, problems))),
            }
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (file, draft, errors, data);
    })
}
