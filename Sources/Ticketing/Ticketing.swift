/// The helpdesk domain: tickets, lifecycle, SLA, survey and store.
public enum Ticketing {}
