import body from "virtual:bench-floor-body";

export default function FloorPage() {
  return <div dangerouslySetInnerHTML={{ __html: body }} />;
}
