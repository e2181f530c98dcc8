//! An uploaded image in a page: every variant in `srcset`, the size reserved
//! by `width`/`height`, loaded lazily, with its alternative text.

use crate::media::logic::ImageRef;
use leptos::prelude::*;

#[component]
pub fn ResponsiveImage(
    image: ImageRef,
    #[prop(into)] alt: String,
    /// How wide the image is shown, for the browser to pick a variant.
    sizes: &'static str,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let (src, width, height) = image.largest();
    view! {
        <img class=class src=src srcset=image.srcset() sizes=sizes width=width height=height
            loading="lazy" decoding="async" alt=alt/>
    }
}

/// The file input of an upload form, labelled, with its hint and error.
#[component]
pub fn FileField(
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    #[prop(default = None)] error: Option<String>,
) -> impl IntoView {
    let tr = crate::ssr::Tr::current();
    let described = if error.is_some() {
        format!("f-{name}-hint f-{name}-err")
    } else {
        format!("f-{name}-hint")
    };
    let has_problem = error.is_some();
    view! {
        <div class="field" class:has-problem=has_problem>
            <label for=format!("f-{name}")>{label}</label>
            <p class="hint" id=format!("f-{name}-hint")>{hint}</p>
            {error.clone().map(|e| view! {
                <p class="field-problem" id=format!("f-{name}-err")>
                    <span class="visually-hidden">{tr.t("form-error-prefix")}</span>{e}
                </p>
            })}
            <input id=format!("f-{name}") name=name type="file" accept="image/jpeg,image/png,image/webp"
                aria-describedby=described aria-invalid=has_problem.then_some("true")/>
        </div>
    }
}
