/** (being written) Recurring jobs of the events module. */
export function registerEventJobs(baseUrl: string): void {
  void baseUrl;
}
