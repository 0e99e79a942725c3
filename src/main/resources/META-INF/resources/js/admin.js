// The admin pages write times in UTC, saying so; here they are shown in the reader's own time zone,
// with the UTC time kept as the element's title.
document.addEventListener('DOMContentLoaded', function () {
  var language = document.documentElement.lang || undefined;
  var format = new Intl.DateTimeFormat(language, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
  });
  document.querySelectorAll('time[data-local-time]').forEach(function (time) {
    var instant = new Date(time.dateTime);
    if (!isNaN(instant.getTime())) {
      time.title = time.textContent;
      time.textContent = format.format(instant);
    }
  });
});
