export { PortalLoading as default } from "@/components/shell/portal-loading";
