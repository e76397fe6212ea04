// Shows fresh figures every 30 s, unless the operator is filling in one of the page's forms.
(function () {
  const busy = () => document.activeElement?.matches('input, button')
      || [...document.querySelectorAll('input[type=text]')].some(input => input.value !== '');
  setInterval(() => { if (!busy()) location.replace(location.pathname); }, 30000);
})();
