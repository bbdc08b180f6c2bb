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

/// Prints the element with id `mark` alone: the page is marked
/// (`body[data-print]`), the stylesheet hides the rest while printing, and
/// the mark is cleared, and `done` called, once the print dialog closes.
#[cfg(target_arch = "wasm32")]
pub fn print_marked(mark: &str, done: impl FnOnce() + 'static) {
    let body = gloo::utils::body();
    let _ = body.set_attribute("data-print", mark);
    let window = gloo::utils::window();
    let clear = gloo::events::EventListener::once(&window, "afterprint", move |_| {
        let _ = gloo::utils::body().remove_attribute("data-print");
        done();
    });
    clear.forget();
    let _ = window.print();
}

/// Native builds (render tests) have nothing to print.
#[cfg(not(target_arch = "wasm32"))]
pub fn print_marked(_mark: &str, _done: impl FnOnce() + 'static) {}

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

/// Copies `text` to the clipboard; `true` when the browser took it.
#[cfg(target_arch = "wasm32")]
pub async fn copy_text(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let get = |target: &wasm_bindgen::JsValue, key: &str| {
        js_sys::Reflect::get(target, &key.into())
            .ok()
            .filter(|v| !v.is_undefined())
    };
    let window: wasm_bindgen::JsValue = gloo::utils::window().into();
    let Some(clipboard) = get(&window, "navigator").and_then(|n| get(&n, "clipboard")) else {
        return false;
    };
    let Some(write) =
        get(&clipboard, "writeText").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
            Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
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

/// The markup of an `<svg>` element as a standalone SVG file, `width` by
/// `height` pixels.
pub fn svg_file(svg: &web_sys::Element, width: f64, height: f64) -> String {
    let markup = svg.outer_html();
    let sized = markup.replacen(
        "<svg ",
        &format!("<svg width=\"{width:.0}\" height=\"{height:.0}\" "),
        1,
    );
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{sized}")
}

/// Offers an `<svg>` element as an SVG download.
pub fn download_svg(name: &str, svg: &web_sys::Element, width: f64, height: f64) {
    download(
        name,
        "image/svg+xml",
        svg_file(svg, width, height).as_bytes(),
    );
}

/// Offers an `<svg>` element as a PNG download, drawn at twice `width` by
/// `height` on a white background. The picture goes through a `data:` URL
/// and a canvas, all on the device.
#[cfg(target_arch = "wasm32")]
pub fn download_png(name: &str, svg: &web_sys::Element, width: f64, height: f64) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    let text = svg_file(svg, width, height);
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&text))
    );
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_owned();
    let loaded = image.clone();
    let onload = Closure::once_into_js(move || {
        let document = gloo::utils::document();
        let Some(canvas) = document
            .create_element("canvas")
            .ok()
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let scale = 2.0;
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // small, positive
        {
            canvas.set_width((width * scale) as u32);
            canvas.set_height((height * scale) as u32);
        }
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width * scale, height * scale);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            width * scale,
            height * scale,
        );
        if let Ok(png) = canvas.to_data_url_with_type("image/png") {
            if let Some(anchor) = document
                .create_element("a")
                .ok()
                .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
            {
                anchor.set_href(&png);
                anchor.set_download(&name);
                anchor.click();
            }
        }
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}

/// Offers an `<svg>` element as a PNG (no browser natively: nothing happens).
#[cfg(not(target_arch = "wasm32"))]
pub fn download_png(_name: &str, _svg: &web_sys::Element, _width: f64, _height: f64) {}
