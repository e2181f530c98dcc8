//! Scanning a ticket's QR code at the door, where the browser can: only when
//! `BarcodeDetector` exists and a camera is present does a "Scan" button
//! appear. A detected code is put in the typed-code field and that same form
//! is submitted, so the server path is the one of a typed code; without
//! JavaScript, or on a browser without the detector, only typing remains.
//! `BarcodeDetector` and `getUserMedia` are reached through `js_sys::Reflect`
//! rather than web-sys features, which keeps the WASM small.

use leptos::prelude::*;

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct ScanLabels {
    pub scan: String,
    pub stop: String,
    pub hint: String,
    pub video: String,
    pub error: String,
}

#[island(lazy)]
pub fn CheckInScanner(
    /// The id of the typed-code input, inside the form to submit.
    input: String,
    labels: ScanLabels,
) -> impl IntoView {
    let (available, set_available) = signal(false);
    let (scanning, set_scanning) = signal(false);
    let (failed, set_failed) = signal(false);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            if client::can_scan().await {
                set_available.set(true);
            }
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = set_available;
    });
    let start = {
        #[cfg_attr(not(feature = "hydrate"), allow(unused_variables))]
        let input = input.clone();
        move |_| {
            set_failed.set(false);
            set_scanning.set(true);
            #[cfg(feature = "hydrate")]
            {
                let input = input.clone();
                leptos::task::spawn_local(async move {
                    if client::scan(&input).await.is_err() {
                        set_failed.set(true);
                    }
                    set_scanning.set(false);
                });
            }
        }
    };
    let stop = move |_| {
        #[cfg(feature = "hydrate")]
        client::stop();
        set_scanning.set(false);
    };
    view! {
        <div class="scan-box" hidden=move || !available.get()>
            <button type="button" class="button big secondary" on:click=start hidden=move || scanning.get()>
                {labels.scan}
            </button>
            <div hidden=move || !scanning.get()>
                <p class="hint">{labels.hint}</p>
                <video id="scan-video" aria-label=labels.video muted=true playsinline=true></video>
                <button type="button" class="button secondary" on:click=stop>{labels.stop}</button>
            </div>
            <p class="field-problem" role="alert" hidden=move || !failed.get()>{labels.error}</p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod client {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    thread_local! {
        static STREAM: RefCell<Option<JsValue>> = const { RefCell::new(None) };
        static ACTIVE: Cell<bool> = const { Cell::new(false) };
    }

    /// Calls `target.name(args...)` and awaits it when it returns a promise.
    async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
        let f: Function = Reflect::get(target, &name.into())?.dyn_into()?;
        let result = f.apply(target, &args.iter().collect::<Array>())?;
        match result.dyn_into::<Promise>() {
            Ok(p) => JsFuture::from(p).await,
            Err(v) => Ok(v),
        }
    }

    fn get(target: &JsValue, name: &str) -> JsValue {
        Reflect::get(target, &name.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn media_devices() -> JsValue {
        get(
            &get(&leptos::prelude::window(), "navigator"),
            "mediaDevices",
        )
    }

    /// `BarcodeDetector` exists, reads QR codes, and a camera is present.
    pub async fn can_scan() -> bool {
        let window: JsValue = leptos::prelude::window().into();
        let detector = get(&window, "BarcodeDetector");
        let devices = media_devices();
        if detector.is_undefined() || devices.is_undefined() {
            return false;
        }
        let formats = call(&detector, "getSupportedFormats", &[]).await;
        let qr = formats
            .map(|f| Array::from(&f).includes(&"qr_code".into(), 0))
            .unwrap_or(false);
        let cameras = call(&devices, "enumerateDevices", &[]).await;
        let camera = cameras
            .map(|list| {
                Array::from(&list)
                    .iter()
                    .any(|d| get(&d, "kind").as_string().as_deref() == Some("videoinput"))
            })
            .unwrap_or(false);
        qr && camera
    }

    async fn sleep(ms: i32) {
        let promise = Promise::new(&mut |resolve, _| {
            let _ = leptos::prelude::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        });
        let _ = JsFuture::from(promise).await;
    }

    /// Stops the camera (the scan loop ends at its next turn).
    pub fn stop() {
        ACTIVE.with(|a| a.set(false));
        if let Some(stream) = STREAM.with(|s| s.borrow_mut().take()) {
            if let Ok(tracks) = Reflect::get(&stream, &"getTracks".into())
                .and_then(|f| f.dyn_into::<Function>())
                .and_then(|f| f.call0(&stream))
            {
                for t in Array::from(&tracks).iter() {
                    let _ = Reflect::get(&t, &"stop".into())
                        .and_then(|f| f.dyn_into::<Function>())
                        .and_then(|f| f.call0(&t));
                }
            }
        }
    }

    /// Opens the rear camera, looks for a QR code four times a second, and
    /// submits the first one read through the typed-code form.
    pub async fn scan(input_id: &str) -> Result<(), JsValue> {
        let document = leptos::prelude::document();
        let video: JsValue = document
            .get_element_by_id("scan-video")
            .ok_or("no video element")?
            .into();
        let constraints = Object::new();
        let video_constraints = Object::new();
        let facing = Object::new();
        Reflect::set(&facing, &"ideal".into(), &"environment".into())?;
        Reflect::set(&video_constraints, &"facingMode".into(), &facing)?;
        Reflect::set(&constraints, &"video".into(), &video_constraints)?;
        Reflect::set(&constraints, &"audio".into(), &false.into())?;
        let stream = call(&media_devices(), "getUserMedia", &[constraints.into()]).await?;
        STREAM.with(|s| *s.borrow_mut() = Some(stream.clone()));
        ACTIVE.with(|a| a.set(true));
        Reflect::set(&video, &"srcObject".into(), &stream)?;
        call(&video, "play", &[]).await?;
        let options = Object::new();
        Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()))?;
        let ctor: Function = get(&leptos::prelude::window(), "BarcodeDetector").dyn_into()?;
        let detector = Reflect::construct(&ctor, &Array::of1(&options))?;
        while ACTIVE.with(|a| a.get()) {
            let found = call(&detector, "detect", std::slice::from_ref(&video))
                .await
                .ok();
            let code = found
                .map(|list| Array::from(&list))
                .and_then(|list| list.iter().find_map(|b| get(&b, "rawValue").as_string()))
                .filter(|c| !c.trim().is_empty());
            if let Some(code) = code {
                stop();
                let input: web_sys::HtmlInputElement = document
                    .get_element_by_id(input_id)
                    .ok_or("no code input")?
                    .dyn_into()?;
                input.set_value(&code);
                if let Some(form) = input.form() {
                    form.submit()?;
                }
                return Ok(());
            }
            sleep(250).await;
        }
        Ok(())
    }
}
