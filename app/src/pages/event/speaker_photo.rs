//! A speaker's photo upload form on their editor (fields `photo`, `alt`;
//! `remove`), and the photo as the public pages show it.

use crate::components::{Field, FileField, FormAlert, ResponsiveImage};
use crate::event::store::Speaker;
use crate::ssr::form::FormState;
use crate::ssr::{Ctx, Tr};
use leptos::prelude::*;

/// The alternative text of a speaker's photo: the one typed, else their name.
pub fn photo_alt(sp: &Speaker) -> String {
    if sp.photo_alt.trim().is_empty() {
        sp.name.clone()
    } else {
        sp.photo_alt.clone()
    }
}

pub fn photo_section(tr: Tr, ctx: &Ctx, sp: &Speaker) -> impl IntoView {
    let form = FormState::of(ctx, "speaker-photo");
    let action = format!("/api/staff/media/speakers/{}/photo", sp.id);
    let current = sp.photo().map(|image| {
        view! {
            <p>{tr.t("media-current")}</p>
            <ResponsiveImage image alt=photo_alt(sp) sizes="160px" class="speaker-photo"/>
        }
    });
    let remove = sp.photo().is_some().then(|| {
        view! {
            <form method="post" action=action.clone() enctype="multipart/form-data" class="inline-form">
                <input type="hidden" name="remove" value="on"/>
                <button type="submit" class="small">{tr.t("media-remove")}</button>
            </form>
        }
    });
    view! {
        <section aria-labelledby="photo" id="photo-section">
            <h2 id="photo">{tr.t("speaker-photo-title")}</h2>
            {current}
            <form method="post" action=action enctype="multipart/form-data" class="stack">
                <FormAlert message=form.message()/>
                <FileField name="photo" label=tr.t("media-file") hint=tr.t("media-file-hint") error=form.error("photo")/>
                <Field name="alt" label=tr.t("field-image-alt") value=form.value("alt", sp.photo_alt.clone())
                    error=form.error("alt") hint=tr.t_args("speaker-photo-alt-hint", &[("name", sp.name.clone())]) maxlength=Some(300)/>
                <button type="submit" class="button">{tr.t("media-upload")}</button>
            </form>
            {remove}
        </section>
    }
}

/// The photo on the speaker's page (uploaded, else the stored address), if any.
pub fn speaker_photo(tr: Tr, sp: &Speaker) -> Option<AnyView> {
    match sp.photo() {
        Some(image) => Some(
            view! { <ResponsiveImage image alt=photo_alt(sp) sizes="160px" class="speaker-photo"/> }
                .into_any(),
        ),
        None => (!sp.photo_url.is_empty()).then(|| {
            view! { <img class="speaker-photo" src=sp.photo_url.clone() alt=tr.t_args("speaker-photo-alt", &[("name", sp.name.clone())]) width="160" height="160"/> }
                .into_any()
        }),
    }
}

/// A small photo beside the speaker's name in lists; decorative there (the
/// name is next to it), hence an empty alternative text.
pub fn speaker_thumb(sp: &Speaker) -> Option<impl IntoView> {
    sp.photo().map(|image| {
        let (src, w, h) = image.smallest();
        view! { <img class="speaker-thumb" src=src width=w height=h loading="lazy" decoding="async" alt=""/> }
    })
}
