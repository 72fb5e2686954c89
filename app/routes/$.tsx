import { ErrorPage } from "~/components/error-page";

// Any unknown address: a friendly 404 inside the layout.
export const loader = () => {
  throw new Response("Sidan finns inte", { status: 404 });
};

export default function NotFound() {
  return <ErrorPage status={404} />;
}
