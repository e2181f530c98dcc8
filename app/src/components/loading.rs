//! Loading a page's data before rendering it, and the error page.

use crate::error::AppError;
use crate::ssr::Tr;
use leptos::prelude::*;
use std::future::Future;

/// Renders `content` once `load` resolves; an error becomes the error page
/// with the matching HTTP status.
pub fn load_page<T, V>(
    load: impl Future<Output = Result<T, AppError>> + Send + 'static,
    content: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                match load.await {
                    Ok(data) => content(data).into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let tr = Tr::current();
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = http::StatusCode::from_u16(error.status()) {
            res.set_status(status);
        }
    }
    let login = matches!(error, AppError::NotSignedIn(_)).then(|| {
        let next = use_context::<http::request::Parts>()
            .map(|p| p.uri.path().to_owned())
            .unwrap_or_default();
        view! { <p><a href=format!("/login?next={next}")>{tr.t("nav-login")}</a></p> }
    });
    view! {
        <div class="error-page">
            <h1>{tr.t("error-title")}</h1>
            <p>{error.to_string()}</p>
            {login}
            <p><a href="/">{tr.t("error-back-home")}</a></p>
        </div>
    }
}
