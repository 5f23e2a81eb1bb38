// The picture CAPTCHA gets a new code on click, without reloading the page.
// Without JavaScript the form works as is: a refused code comes back with a new picture.

function reveal(root) {
  for (const button of root.querySelectorAll("[data-captcha-refresh]")) {
    button.hidden = false;
    const image = button.parentElement.querySelector("[data-captcha-image]");
    image.title = button.textContent.trim();
    image.classList.add("captcha__image--clickable");
  }
}

async function refresh(box) {
  const response = await fetch(box.dataset.refreshUrl, {
    headers: { "X-Requested-With": "XMLHttpRequest", Accept: "application/json" },
    credentials: "same-origin",
  });
  if (!response.ok) return;
  const data = await response.json();
  const image = box.querySelector("[data-captcha-image]");
  image.src = data.image_url;
  image.srcset = `${data.image_url.replace(/\/$/, "")}@2/ 2x`;
  box.querySelector('input[type="hidden"]').value = data.key;
  const answer = box.querySelector('input[type="text"]');
  answer.value = "";
  answer.focus();
}

document.addEventListener("click", (event) => {
  const trigger = event.target.closest("[data-captcha-refresh], [data-captcha-image]");
  if (!trigger) return;
  event.preventDefault();
  refresh(trigger.closest("[data-captcha]"));
});

reveal(document);
document.body.addEventListener("htmx:afterSettle", (event) => reveal(event.target));
