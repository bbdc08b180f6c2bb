//! Files in and out of the browser: reading a chosen file's bytes, and
//! offering bytes as a download. Nothing goes over the network.

/// Offers `bytes` as a download called `name`.
#[cfg(target_arch = "wasm32")]
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    use wasm_bindgen::JsCast;

    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(anchor) = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Offers `bytes` as a download (no browser natively: nothing happens).
#[cfg(not(target_arch = "wasm32"))]
pub fn download(_name: &str, _mime: &str, _bytes: &[u8]) {}

/// Reads a chosen file's bytes.
///
/// # Errors
/// The browser's reason, as text.
#[cfg(target_arch = "wasm32")]
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("{e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Asks the user to confirm, with the browser's own dialog.
#[cfg(target_arch = "wasm32")]
pub fn confirm(question: &str) -> bool {
    gloo::utils::window()
        .confirm_with_message(question)
        .unwrap_or(false)
}

/// Asks the user to confirm (no browser natively: no).
#[cfg(not(target_arch = "wasm32"))]
pub fn confirm(_question: &str) -> bool {
    false
}

/// Lets the waiting service worker take over; the page then reloads (see
/// `assets/register-sw.js`).
pub fn apply_update() {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let window = gloo::utils::window();
        if let Ok(apply) = js_sys::Reflect::get(&window, &"__tsunaguApplyUpdate".into()) {
            if let Ok(apply) = apply.dyn_into::<js_sys::Function>() {
                let _ = apply.call0(&window);
            }
        }
    }
}

/// Reads `Shift_JIS` bytes with the browser's own `TextDecoder` (fatal on
/// malformed bytes), so the wasm needs no encoding tables.
pub fn shift_jis(bytes: &[u8]) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder =
            web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = bytes;
        None
    }
}
